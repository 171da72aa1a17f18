/**
 * GLTFExporter's binary output reads Blobs through FileReader, which Node 20 lacks (it has Blob).
 * This installs the two methods the exporter calls, only when FileReader is missing.
 */
class BlobFileReader {
  result: ArrayBuffer | string | null = null;
  onload: (() => void) | null = null;
  onloadend: (() => void) | null = null;
  onerror: ((error: unknown) => void) | null = null;

  readAsArrayBuffer(blob: Blob): void {
    this.settle(blob.arrayBuffer());
  }

  readAsDataURL(blob: Blob): void {
    this.settle(blob.arrayBuffer().then((b) => `data:${blob.type || "application/octet-stream"};base64,${Buffer.from(b).toString("base64")}`));
  }

  private settle(work: Promise<ArrayBuffer | string>): void {
    work.then(
      (result) => {
        this.result = result;
        this.onload?.();
        this.onloadend?.();
      },
      (error: unknown) => this.onerror?.(error),
    );
  }
}

export function installFileReader(): void {
  const scope = globalThis as { FileReader?: unknown };
  if (typeof scope.FileReader === "undefined") scope.FileReader = BlobFileReader;
}
