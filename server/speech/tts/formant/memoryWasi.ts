/**
 * Just enough of WASI (preview1) to run a command-line program like flite entirely in memory:
 * its arguments, an in-memory stdout and stderr, and one writable folder "." whose files are kept
 * in memory. Node's own WASI (node:wasi, Node 20) was measured crashing the process (SIGSEGV)
 * within a few dozen runs of flite that write a file, and leaks a file descriptor for every
 * instance's preopened folder; this runs no host I/O at all.
 */

const ERRNO = { SUCCESS: 0, BADF: 8, INVAL: 28, NOENT: 44, NOSYS: 52, SPIPE: 70 } as const;
const FILETYPE = { CHARACTER_DEVICE: 2, DIRECTORY: 3, REGULAR_FILE: 4 } as const;
const OFLAGS_CREAT = 1;
const OFLAGS_TRUNC = 8;
const ALL_RIGHTS = 0xffff_ffff_ffff_ffffn;
/** The one preopened folder; 0–2 are stdin, stdout, stderr. */
const FOLDER_FD = 3;

class Exit {
  constructor(readonly code: number) {}
}

/** A file in the in-memory folder. */
class MemoryFile {
  bytes = new Uint8Array(64 * 1024);
  length = 0;

  write(data: Uint8Array, at: number): void {
    const end = at + data.length;
    if (end > this.bytes.length) {
      const grown = new Uint8Array(Math.max(end, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.bytes.set(data, at);
    this.length = Math.max(this.length, end);
  }

  content(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

type Descriptor = { kind: "stdin" } | { kind: "output"; chunks: Uint8Array[] } | { kind: "folder" } | { kind: "file"; file: MemoryFile; position: number };

export interface WasiRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The files the program wrote into its folder, by name. */
  files: Map<string, Uint8Array>;
}

/** Runs `module`'s `_start` with `args` (args[0] is the program name) and returns what it wrote. */
export async function runWasiCommand(module: WebAssembly.Module, args: readonly string[]): Promise<WasiRun> {
  const stdout: Uint8Array[] = [];
  const stderr: Uint8Array[] = [];
  const files = new Map<string, MemoryFile>();
  const fds = new Map<number, Descriptor>([
    [0, { kind: "stdin" }],
    [1, { kind: "output", chunks: stdout }],
    [2, { kind: "output", chunks: stderr }],
    [FOLDER_FD, { kind: "folder" }],
  ]);
  let nextFd = FOLDER_FD + 1;
  const encodedArgs = args.map((arg) => new TextEncoder().encode(`${arg}\0`));
  let memory: WebAssembly.Memory | undefined;
  const view = () => new DataView(memory!.buffer);
  const bytes = (pointer: number, length: number) => new Uint8Array(memory!.buffer, pointer, length);
  /** The bytes an iovec list points at, in order. */
  const gather = (iovs: number, count: number): Uint8Array[] =>
    Array.from({ length: count }, (_, i) => bytes(view().getUint32(iovs + i * 8, true), view().getUint32(iovs + i * 8 + 4, true)).slice());

  const wasi = {
    args_sizes_get(countPointer: number, sizePointer: number) {
      view().setUint32(countPointer, encodedArgs.length, true);
      view().setUint32(sizePointer, encodedArgs.reduce((sum, arg) => sum + arg.length, 0), true);
      return ERRNO.SUCCESS;
    },
    args_get(argvPointer: number, bufferPointer: number) {
      let at = bufferPointer;
      encodedArgs.forEach((arg, i) => {
        view().setUint32(argvPointer + i * 4, at, true);
        bytes(at, arg.length).set(arg);
        at += arg.length;
      });
      return ERRNO.SUCCESS;
    },
    clock_time_get(_clock: number, _precision: bigint, timePointer: number) {
      view().setBigUint64(timePointer, BigInt(Date.now()) * 1_000_000n, true);
      return ERRNO.SUCCESS;
    },
    fd_close(fd: number) {
      return fds.delete(fd) ? ERRNO.SUCCESS : ERRNO.BADF;
    },
    fd_fdstat_get(fd: number, statPointer: number) {
      const descriptor = fds.get(fd);
      if (!descriptor) return ERRNO.BADF;
      const type = descriptor.kind === "folder" ? FILETYPE.DIRECTORY : descriptor.kind === "file" ? FILETYPE.REGULAR_FILE : FILETYPE.CHARACTER_DEVICE;
      view().setUint8(statPointer, type);
      view().setUint16(statPointer + 2, 0, true);
      view().setBigUint64(statPointer + 8, ALL_RIGHTS, true);
      view().setBigUint64(statPointer + 16, ALL_RIGHTS, true);
      return ERRNO.SUCCESS;
    },
    fd_fdstat_set_flags: (fd: number) => (fds.has(fd) ? ERRNO.SUCCESS : ERRNO.BADF),
    fd_prestat_get(fd: number, prestatPointer: number) {
      if (fd !== FOLDER_FD) return ERRNO.BADF;
      view().setUint8(prestatPointer, 0);
      view().setUint32(prestatPointer + 4, 1, true);
      return ERRNO.SUCCESS;
    },
    fd_prestat_dir_name(fd: number, pathPointer: number, length: number) {
      if (fd !== FOLDER_FD) return ERRNO.BADF;
      if (length >= 1) view().setUint8(pathPointer, ".".charCodeAt(0));
      return ERRNO.SUCCESS;
    },
    fd_read(fd: number, _iovs: number, _count: number, readPointer: number) {
      if (!fds.has(fd)) return ERRNO.BADF;
      // Nothing to read: stdin is empty, and the program only writes files.
      view().setUint32(readPointer, 0, true);
      return ERRNO.SUCCESS;
    },
    fd_seek(fd: number, offset: bigint, whence: number, positionPointer: number) {
      const descriptor = fds.get(fd);
      if (!descriptor) return ERRNO.BADF;
      if (descriptor.kind !== "file") return ERRNO.SPIPE;
      const base = whence === 0 ? 0 : whence === 1 ? descriptor.position : descriptor.file.length;
      const position = base + Number(offset);
      if (position < 0) return ERRNO.INVAL;
      descriptor.position = position;
      view().setBigUint64(positionPointer, BigInt(position), true);
      return ERRNO.SUCCESS;
    },
    fd_write(fd: number, iovs: number, count: number, writtenPointer: number) {
      const descriptor = fds.get(fd);
      if (!descriptor || descriptor.kind === "stdin" || descriptor.kind === "folder") return ERRNO.BADF;
      let written = 0;
      for (const chunk of gather(iovs, count)) {
        if (descriptor.kind === "output") descriptor.chunks.push(chunk);
        else {
          descriptor.file.write(chunk, descriptor.position);
          descriptor.position += chunk.length;
        }
        written += chunk.length;
      }
      view().setUint32(writtenPointer, written, true);
      return ERRNO.SUCCESS;
    },
    path_open(dirFd: number, _lookup: number, pathPointer: number, pathLength: number, oflags: number, _rights: bigint, _inherited: bigint, _fdflags: number, fdPointer: number) {
      if (dirFd !== FOLDER_FD) return ERRNO.BADF;
      const name = new TextDecoder().decode(bytes(pathPointer, pathLength)).replace(/^\.\//, "");
      let file = files.get(name);
      if (!file || oflags & OFLAGS_TRUNC) {
        if (!file && !(oflags & OFLAGS_CREAT)) return ERRNO.NOENT;
        file = new MemoryFile();
        files.set(name, file);
      }
      const fd = nextFd++;
      fds.set(fd, { kind: "file", file, position: 0 });
      view().setUint32(fdPointer, fd, true);
      return ERRNO.SUCCESS;
    },
    proc_exit(code: number): never {
      throw new Exit(code);
    },
  };

  const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi });
  memory = instance.exports.memory as WebAssembly.Memory;
  let exitCode = 0;
  try {
    (instance.exports._start as () => void)();
  } catch (error) {
    if (!(error instanceof Exit)) throw error;
    exitCode = error.code;
  }
  const text = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString("utf8");
  return { exitCode, stdout: text(stdout), stderr: text(stderr), files: new Map([...files].map(([name, file]) => [name, file.content()])) };
}
