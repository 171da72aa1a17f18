/**
 * Writes ONNX model files (protobuf) for the few message kinds a small test graph needs:
 * ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto. No protobuf
 * library is a direct dependency of the project, and these messages need only three wire types
 * (varint, 32-bit and length-delimited), so the encoder is a page of code.
 * Field numbers follow onnx/onnx.proto (IR version 8).
 */

export type OnnxTensor =
  | { name: string; type: "float"; dims: number[]; values: Float32Array }
  | { name: string; type: "int64"; dims: number[]; values: number[] };

export interface OnnxNode {
  op: string;
  inputs: string[];
  outputs: string[];
  attributes?: Record<string, number | number[]>;
}

export interface OnnxValue {
  name: string;
  type: "float" | "int64" | "bool";
  /** A number is a fixed size, a string a symbolic one ("batch"). */
  shape: Array<number | string>;
}

export interface OnnxGraph {
  name: string;
  opset: number;
  nodes: OnnxNode[];
  initializers: OnnxTensor[];
  inputs: OnnxValue[];
  outputs: OnnxValue[];
}

const ELEMENT_TYPE = { float: 1, int64: 7, bool: 9 } as const;
const ATTRIBUTE_FLOAT = 1;
const ATTRIBUTE_INT = 2;
const ATTRIBUTE_INTS = 7;
const IR_VERSION = 8;

/** One protobuf message being written: fields appended in order. */
class Message {
  private readonly parts: Uint8Array[] = [];

  varint(field: number, value: number): this {
    this.tag(field, 0);
    this.parts.push(encodeVarint(value));
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  bytes(field: number, value: Uint8Array): this {
    this.tag(field, 2);
    this.parts.push(encodeVarint(value.length), value);
    return this;
  }

  message(field: number, value: Message): this {
    return this.bytes(field, value.finish());
  }

  float(field: number, value: number): this {
    this.tag(field, 5);
    const buffer = new Uint8Array(4);
    new DataView(buffer.buffer).setFloat32(0, value, true);
    this.parts.push(buffer);
    return this;
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const part of this.parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }

  private tag(field: number, wireType: number): void {
    this.parts.push(encodeVarint((field << 3) | wireType));
  }
}

function encodeVarint(value: number): Uint8Array {
  if (!Number.isSafeInteger(value)) throw new Error(`varint out of range: ${value}`);
  // Negative int64 values are written as their 64-bit two's complement (ten bytes).
  let n = value < 0 ? BigInt.asUintN(64, BigInt(value)) : BigInt(value);
  const bytes: number[] = [];
  do {
    let byte = Number(n & 0x7fn);
    n >>= 7n;
    if (n > 0n) byte |= 0x80;
    bytes.push(byte);
  } while (n > 0n);
  return Uint8Array.from(bytes);
}

function tensor(t: OnnxTensor): Message {
  const m = new Message();
  for (const d of t.dims) m.varint(1, d);
  m.varint(2, ELEMENT_TYPE[t.type]).string(8, t.name);
  if (t.type === "float") {
    m.bytes(9, new Uint8Array(t.values.buffer, t.values.byteOffset, t.values.byteLength));
  } else {
    const raw = new BigInt64Array(t.values.map((v) => BigInt(v)));
    m.bytes(9, new Uint8Array(raw.buffer));
  }
  return m;
}

function attribute(name: string, value: number | number[]): Message {
  const m = new Message().string(1, name);
  if (Array.isArray(value)) {
    for (const v of value) m.varint(8, v);
    return m.varint(20, ATTRIBUTE_INTS);
  }
  if (Number.isInteger(value)) return m.varint(3, value).varint(20, ATTRIBUTE_INT);
  return m.float(2, value).varint(20, ATTRIBUTE_FLOAT);
}

function node(n: OnnxNode, index: number): Message {
  const m = new Message();
  for (const input of n.inputs) m.string(1, input);
  for (const output of n.outputs) m.string(2, output);
  m.string(3, `${n.op}_${index}`).string(4, n.op);
  for (const [name, value] of Object.entries(n.attributes ?? {})) m.message(5, attribute(name, value));
  return m;
}

function valueInfo(v: OnnxValue): Message {
  const shape = new Message();
  for (const dim of v.shape) {
    shape.message(1, typeof dim === "number" ? new Message().varint(1, dim) : new Message().string(2, dim));
  }
  const tensorType = new Message().varint(1, ELEMENT_TYPE[v.type]).message(2, shape);
  return new Message().string(1, v.name).message(2, new Message().message(1, tensorType));
}

/** The bytes of a `.onnx` file holding `graph`. */
export function encodeOnnxModel(graph: OnnxGraph): Uint8Array {
  const g = new Message();
  graph.nodes.forEach((n, i) => g.message(1, node(n, i)));
  g.string(2, graph.name);
  for (const t of graph.initializers) g.message(5, tensor(t));
  for (const v of graph.inputs) g.message(11, valueInfo(v));
  for (const v of graph.outputs) g.message(12, valueInfo(v));
  return new Message()
    .varint(1, IR_VERSION)
    .string(2, "kindred-tests")
    .message(7, g)
    .message(8, new Message().string(1, "").varint(2, graph.opset))
    .finish();
}
