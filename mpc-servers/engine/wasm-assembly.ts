/**
 * A minimal WebAssembly assembler for the engine's hand-written kernels: opcodes as byte sequences and one
 * exported function over one exported memory (`memory`, one page to start, grown by the caller).
 */
/** The opcodes used here, with their immediates. */
export const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, depth],
  brIf: (depth: number) => [0x0d, depth],
  get: (index: number) => [0x20, index],
  set: (index: number) => [0x21, index],
  i32Const: (value: number) => [0x41, ...sleb(value)],
  i64Const: (value: number) => [0x42, ...sleb(value)],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32Mul: [0x6c],
  i32Or: [0x72],
  i32And: [0x71],
  i32Xor: [0x73],
  i32Shl: [0x74],
  i32ShrU: [0x76],
  i32GeU: [0x4f],
  i32Load: (offset = 0) => [0x28, 0x02, ...uleb(offset)],
  i32Load8U: (offset = 0) => [0x2d, 0x00, ...uleb(offset)],
  i32Store8: (offset = 0) => [0x3a, 0x00, ...uleb(offset)],
  i64Load: (offset = 0) => [0x29, 0x03, ...uleb(offset)],
  i64Store: (offset = 0) => [0x37, 0x03, ...uleb(offset)],
  i64Add: [0x7c],
  i64Sub: [0x7d],
  /** a b c -> c ? a : b (both i32 or both i64, c i32). */
  select: [0x1b],
  i64And: [0x83],
  i64Xor: [0x85],
  i64ExtendI32U: [0xad],
  i32WrapI64: [0xa7],
};

export function uleb(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

export function sleb(value: number): number[] {
  const bytes: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0)) {
      bytes.push(byte);
      return bytes;
    }
    bytes.push(byte | 0x80);
  }
}

export const I32 = 0x7f;
export const I64 = 0x7e;

function vector(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...uleb(bytes.length), ...bytes];
}

/** A module exporting `functionName` (`params` i32 parameters, no result, `locals` as [count, type]) and `memory`. */
export function assembleFunction(
  functionName: string,
  params: number,
  locals: [number, number][],
  body: number[],
): Uint8Array {
  const type = [0x60, ...vector(Array.from({ length: params }, () => [I32])), ...vector([])];
  const code = [...vector(locals), ...body];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector([type])),
    ...section(3, vector([[0]])),
    ...section(5, vector([[0x00, 1]])),
    ...section(
      7,
      vector([
        [...name(functionName), 0x00, 0],
        [...name('memory'), 0x02, 0],
      ]),
    ),
    ...section(10, vector([[...uleb(code.length), ...code]])),
  ]);
}

/** The few WebAssembly types used here (the project's TypeScript lib has no DOM/WebAssembly typings). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
export const { WebAssembly: wasm } = globalThis as unknown as {
  WebAssembly: {
    Module: new (bytes: Uint8Array) => object;
    Instance: new (module: object) => { exports: unknown };
  };
};
