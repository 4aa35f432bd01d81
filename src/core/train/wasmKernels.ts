// The training path's matrix products, and Adagrad's update, as a small WebAssembly module with
// 128-bit SIMD (a pair of doubles per operation), assembled here byte by byte: no toolchain, no
// file to fetch, the same code in Node and in the browser's worker. Plain JavaScript cannot get
// there: V8 re-checks each typed array's map and bounds on every loop trip, which leaves it a
// third or less of the multiply-adds per second this gets.
//
// One kernel does every product: C = init + A·B over rows of A and C and pairs of columns of B
// and C. Each output entry is its own sum, taken in the order k = 0, 1, 2, ... from its init,
// exactly as the plain loops of trace.ts take it (the pairs run across outputs, never across a
// sum, and WebAssembly does not fuse a multiply and an add), so the results are bit for bit
// those of trace.ts.

/**
 * gemm(M, NV, Kd, A, am, ak, B, ldb, C, ldc, I, ldi), all offsets and strides in doubles:
 *   C[m·ldc + n] = I[m·ldi + n] + Σ_{k<Kd} A[m·am + k·ak] · B[k·ldb + n]   m < M, n < 2·NV,
 * sums in ascending k. A may be read along rows (ak = 1) or down columns (am = 1): its entries
 * are loaded one at a time and broadcast. B, C and I are read and written in pairs (aligned or
 * not). ldi = 0 starts every row from the same vector; I = C, ldi = ldc adds to C in place.
 *
 * transpose(src, rows, cols, lds, dst, ldd): dst[j·ldd + i] = src[i·lds + j].
 *
 * adagrad(th, G, g, n, lr, eps, c, res): optimizers.ts's Adagrad after clipping at ±c, over the
 * n entries (n even) at th, G and g, two at a time: g² into ‖g‖², g ← min(max(g, −c), c) in
 * place, then where g ≠ 0, G ← G + g², θ ← θ − lr·g / (√G + eps), the same operations as the
 * plain update. res[0] = Σ g² before clipping, res[1] = 1 if clipping changed any entry, else 0.
 */
export interface WasmKernels {
  memory: WebAssembly.Memory;
  gemm(
    M: number,
    NV: number,
    Kd: number,
    A: number,
    am: number,
    ak: number,
    B: number,
    ldb: number,
    C: number,
    ldc: number,
    I: number,
    ldi: number,
  ): void;
  transpose(src: number, rows: number, cols: number, lds: number, dst: number, ldd: number): void;
  adagrad(
    th: number,
    G: number,
    g: number,
    n: number,
    lr: number,
    eps: number,
    c: number,
    res: number,
  ): void;
}

// ---- A minimal assembler: just what these functions need. ----

const I32 = 0x7f;
const F64 = 0x7c;
const V128 = 0x7b;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const name = (s: string): number[] => vec([...s].map((ch) => [ch.charCodeAt(0)]));
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

const get = (i: number) => [0x20, ...uleb(i)];
const set = (i: number) => [0x21, ...uleb(i)];
const tee = (i: number) => [0x22, ...uleb(i)];
const i32 = (n: number) => [0x41, ...sleb(n)];
const add = [0x6a];
const sub = [0x6b];
const mul = [0x6c];
const shl = [0x74];
const geS = [0x4e]; // i32.ge_s
const ltS = [0x48]; // i32.lt_s
const leS = [0x4c]; // i32.le_s
const divU = [0x6e]; // i32.div_u
const eqz = [0x45];
const f64load = [0x2b, 3, 0];
const f64store = [0x39, 3, 0];
const simd = (op: number) => [0xfd, ...uleb(op)];
const vload = (offset: number) => [...simd(0x00), 4, ...uleb(offset)];
const vstore = (offset: number) => [...simd(0x0b), 4, ...uleb(offset)];
const splat = [...simd(0x0a), 3, 0]; // v128.load64_splat
const fadd = simd(0xf0); // f64x2.add
const fmul = simd(0xf2); // f64x2.mul
const block = (body: number[]) => [0x02, 0x40, ...body, 0x0b];
const loop = (body: number[]) => [0x03, 0x40, ...body, 0x0b];
const brIf = (depth: number) => [0x0d, ...uleb(depth)];
const br = (depth: number) => [0x0c, ...uleb(depth)];

/** while (cond) body, with cond an i32 expression: block { loop { !cond → exit; body; again } }. */
const whileLoop = (cond: number[], body: number[]) =>
  block(loop([...cond, ...eqz, ...brIf(1), ...body, ...br(0)]));

// ---- gemm ----

// Parameters (converted to bytes on entry, except the counts M, NV, Kd).
const pM = 0,
  pNV = 1,
  pKd = 2,
  pA = 3,
  pAm = 4,
  pAk = 5,
  pB = 6,
  pLdb = 7,
  pC = 8,
  pLdc = 9,
  pI = 10,
  pLdi = 11;
const PARAMS = 12;
// i32 locals
const lM = 12, // current row m
  lV = 13, // current column pair v
  lK = 14, // steps of k left
  lPa = 15, // address of A[m + ·, k]
  lPb = 16, // address of B[k, 2v]
  lAm2 = 17,
  lAm3 = 18,
  lT = 19, // scratch
  lW = 20; // width of a one-row tile, in pairs
const I32_LOCALS = 9;
// v128 locals: accumulators, then the loaded B pairs, then the broadcast A entry.
const ROW_MAX = 6; // widest one-row tile, in pairs (measured: wider ones spill registers)
const MAX_ACC = Math.max(8, ROW_MAX);
const vAcc = (i: number) => 21 + i;
const vB = (c: number) => 21 + MAX_ACC + c;
const vA = 21 + MAX_ACC + 2;
const V128_LOCALS = MAX_ACC + 2 + 1;

/** One mt x nt tile at row m, column pair v: load init, run k, store. */
function tile(mt: number, nt: number): number[] {
  const acc = (r: number, c: number) => vAcc(r * nt + c);
  const out: number[] = [];
  // init pairs: I + m·ldi + 16 v (+ r·ldi, + 16 c)
  out.push(...get(pI), ...get(lM), ...get(pLdi), ...mul, ...add);
  out.push(...get(lV), ...i32(4), ...shl, ...add, ...set(lT));
  for (let r = 0; r < mt; r++) {
    for (let c = 0; c < nt; c++) out.push(...get(lT), ...vload(16 * c), ...set(acc(r, c)));
    if (r + 1 < mt) out.push(...get(lT), ...get(pLdi), ...add, ...set(lT));
  }
  // pa = A + m·am, pb = B + 16 v, k = Kd
  out.push(...get(pA), ...get(lM), ...get(pAm), ...mul, ...add, ...set(lPa));
  out.push(...get(pB), ...get(lV), ...i32(4), ...shl, ...add, ...set(lPb));
  out.push(...get(pKd), ...set(lK));
  const step: number[] = [];
  // A pair of B serves mt rows: held in a local when mt > 1, loaded where used when mt = 1.
  const bPair = (c: number) => (mt > 1 ? get(vB(c)) : [...get(lPb), ...vload(16 * c)]);
  if (mt > 1) for (let c = 0; c < nt; c++) step.push(...get(lPb), ...vload(16 * c), ...set(vB(c)));
  for (let r = 0; r < mt; r++) {
    step.push(...get(lPa));
    if (r === 1) step.push(...get(pAm), ...add);
    if (r === 2) step.push(...get(lAm2), ...add);
    if (r === 3) step.push(...get(lAm3), ...add);
    step.push(...splat, ...set(vA));
    for (let c = 0; c < nt; c++)
      step.push(...get(acc(r, c)), ...get(vA), ...bPair(c), ...fmul, ...fadd, ...set(acc(r, c)));
  }
  step.push(...get(lPa), ...get(pAk), ...add, ...set(lPa));
  step.push(...get(lPb), ...get(pLdb), ...add, ...set(lPb));
  out.push(...whileLoop([...get(lK)], [...step, ...get(lK), ...i32(1), ...sub, ...set(lK)]));
  // C + m·ldc + 16 v (+ r·ldc, + 16 c)
  out.push(...get(pC), ...get(lM), ...get(pLdc), ...mul, ...add);
  out.push(...get(lV), ...i32(4), ...shl, ...add, ...set(lT));
  for (let r = 0; r < mt; r++) {
    for (let c = 0; c < nt; c++) out.push(...get(lT), ...get(acc(r, c)), ...vstore(16 * c));
    if (r + 1 < mt) out.push(...get(lT), ...get(pLdc), ...add, ...set(lT));
  }
  return out;
}

/**
 * The column loop of a single row: tiles of up to ROW_MAX pairs, their widths evened out (50
 * pairs go as 6, 6, 6, 6, 6, 5, 5, 5, 5 rather than 6 x 8 + 2), since a narrow tile takes about
 * as long as a wide one: its few sums are chains of dependent additions.
 */
function rowColumns(): number[] {
  const cases = Array.from({ length: ROW_MAX + 1 }, (_, w) => (w === 0 ? [] : tile(1, w)));
  // block { block_W { ... block_0 { br_table } case_0 } ... case_W }, each case then leaving.
  let sw = block([...get(lW), 0x0e, ...vec(cases.map((_, w) => uleb(w))), 0]);
  for (let w = 0; w < cases.length; w++)
    sw = block([...sw, ...cases[w], ...br(cases.length - 1 - w)]);
  const left = [...get(pNV), ...get(lV), ...sub]; // pairs left
  return [
    ...i32(0),
    ...set(lV),
    ...whileLoop(
      [...get(lV), ...get(pNV), ...ltS],
      [
        // w = ceil(left / ceil(left / ROW_MAX))
        ...left,
        ...left,
        ...i32(ROW_MAX - 1),
        ...add,
        ...i32(ROW_MAX),
        ...divU,
        ...tee(lT),
        ...add,
        ...i32(1),
        ...sub,
        ...get(lT),
        ...divU,
        ...set(lW),
        ...sw,
        ...get(lV),
        ...get(lW),
        ...add,
        ...set(lV),
      ],
    ),
  ];
}

/** The column loop for rows of height mt: tiles nt pairs wide, then single pairs. */
function columns(mt: number, nt: number): number[] {
  return [
    ...i32(0),
    ...set(lV),
    ...whileLoop(
      [...get(lV), ...i32(nt), ...add, ...get(pNV), ...leS], // v + nt <= NV
      [...tile(mt, nt), ...get(lV), ...i32(nt), ...add, ...set(lV)],
    ),
    ...whileLoop(
      [...get(lV), ...get(pNV), ...ltS], // v < NV
      [...tile(mt, 1), ...get(lV), ...i32(1), ...add, ...set(lV)],
    ),
  ];
}

function gemmBody(): number[] {
  const toBytes = (p: number) => [...get(p), ...i32(3), ...shl, ...set(p)];
  return [
    ...[pA, pAm, pAk, pB, pLdb, pC, pLdc, pI, pLdi].flatMap(toBytes),
    ...get(pAm),
    ...i32(1),
    ...shl,
    ...set(lAm2),
    ...get(lAm2),
    ...get(pAm),
    ...add,
    ...set(lAm3),
    ...i32(0),
    ...set(lM),
    // Four rows at a time, two pairs (four columns) wide: 8 accumulators.
    ...whileLoop(
      [...get(pM), ...get(lM), ...sub, ...i32(4), ...geS],
      [...columns(4, 2), ...get(lM), ...i32(4), ...add, ...set(lM)],
    ),
    // The rows left (all of them for a matrix-vector product), one at a time.
    ...whileLoop(
      [...get(lM), ...get(pM), ...ltS],
      [...rowColumns(), ...get(lM), ...i32(1), ...add, ...set(lM)],
    ),
  ];
}

function transposeBody(): number[] {
  // params: src 0, rows 1, cols 2, lds 3, dst 4, ldd 5; locals i 6, j 7
  const i = 6,
    j = 7;
  return [
    ...i32(0),
    ...set(i),
    ...whileLoop(
      [...get(i), ...get(1), ...ltS],
      [
        ...i32(0),
        ...set(j),
        ...whileLoop(
          [...get(j), ...get(2), ...ltS],
          [
            // dst[j·ldd + i] = src[i·lds + j]
            ...get(4),
            ...get(j),
            ...get(5),
            ...mul,
            ...add,
            ...get(i),
            ...add,
            ...i32(3),
            ...shl,
            ...get(0),
            ...get(i),
            ...get(3),
            ...mul,
            ...add,
            ...get(j),
            ...add,
            ...i32(3),
            ...shl,
            ...f64load,
            ...f64store,
            ...get(j),
            ...i32(1),
            ...add,
            ...set(j),
          ],
        ),
        ...get(i),
        ...i32(1),
        ...add,
        ...set(i),
      ],
    ),
  ];
}

function adagradBody(): number[] {
  // params: th 0, G 1, g 2, n 3 (i32, offsets in doubles); lr 4, eps 5, c 6 (f64); res 7 (i32)
  // locals: end 8 (i32); lr 9, eps 10, c 11, −c 12, g 13, G 14, Σg² 15, changed 16, zero 17 (v128)
  const [th, G, g, n, lr, eps, c, res, end] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const [vLr, vEps, vC, vNegC, vG, vGG, vSq, vChanged, vZero] = [9, 10, 11, 12, 13, 14, 15, 16, 17];
  const f64splat = simd(0x14);
  const fsub = simd(0xf1);
  const fdiv = simd(0xf3);
  const fmin = simd(0xf4);
  const fmax = simd(0xf5);
  const fsqrt = simd(0xef);
  const fne = simd(0x48);
  const vor = simd(0x50);
  const bitselect = simd(0x52);
  const anyTrue = simd(0x53);
  const lane = (l: number) => [...simd(0x21), l]; // f64x2.extract_lane
  const toBytes = (p: number) => [...get(p), ...i32(3), ...shl, ...set(p)];
  return [
    ...[th, G, g, res].flatMap(toBytes),
    ...get(g),
    ...get(n),
    ...i32(3),
    ...shl,
    ...add,
    ...set(end),
    ...get(lr),
    ...f64splat,
    ...set(vLr),
    ...get(eps),
    ...f64splat,
    ...set(vEps),
    ...get(c),
    ...f64splat,
    ...set(vC),
    ...get(c),
    0x9a, // f64.neg
    ...f64splat,
    ...set(vNegC),
    ...whileLoop(
      [...get(g), ...get(end), ...ltS],
      [
        // Σ g², then g clipped (and written back), noting a change
        ...get(g),
        ...vload(0),
        ...set(vG),
        ...get(vSq),
        ...get(vG),
        ...get(vG),
        ...fmul,
        ...fadd,
        ...set(vSq),
        ...get(vChanged),
        ...get(vG),
        ...get(vG),
        ...get(vC),
        ...fmin,
        ...get(vNegC),
        ...fmax,
        ...tee(vG),
        ...fne,
        ...vor,
        ...set(vChanged),
        ...get(g),
        ...get(vG),
        ...vstore(0),
        // G + g², kept where g ≠ 0 (where g = 0 it is G + 0 = G anyway)
        ...get(G),
        ...get(G),
        ...vload(0),
        ...get(vG),
        ...get(vG),
        ...fmul,
        ...fadd,
        ...tee(vGG),
        ...vstore(0),
        // θ − lr·g / (√G + eps) where g ≠ 0, θ where g = 0
        ...get(th),
        ...get(th),
        ...vload(0),
        ...get(vLr),
        ...get(vG),
        ...fmul,
        ...get(vGG),
        ...fsqrt,
        ...get(vEps),
        ...fadd,
        ...fdiv,
        ...fsub,
        ...get(th),
        ...vload(0),
        ...get(vG),
        ...get(vZero),
        ...fne,
        ...bitselect,
        ...vstore(0),
        ...[th, G, g].flatMap((p) => [...get(p), ...i32(16), ...add, ...set(p)]),
      ],
    ),
    ...get(res),
    ...get(vSq),
    ...lane(0),
    ...get(vSq),
    ...lane(1),
    0xa0, // f64.add
    0x39,
    3,
    0, // f64.store
    ...get(res),
    ...get(vChanged),
    ...anyTrue,
    0xb7, // f64.convert_i32_u
    0x39,
    3,
    8, // f64.store offset 8
  ];
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const fn = (params: number[], locals: number[][], body: number[]) => ({ params, locals, body });
  const i32s = (n: number) => Array.from({ length: n }, () => I32);
  const fns = [
    fn(
      i32s(PARAMS),
      [
        [I32_LOCALS, I32],
        [V128_LOCALS, V128],
      ],
      gemmBody(),
    ),
    fn(i32s(6), [[2, I32]], transposeBody()),
    fn(
      [I32, I32, I32, I32, F64, F64, F64, I32],
      [
        [1, I32],
        [9, V128],
      ],
      adagradBody(),
    ),
  ];
  const types = vec(fns.map((f) => [0x60, ...vec(f.params.map((t) => [t])), 0]));
  const imports = vec([[...name('env'), ...name('memory'), 0x02, 0x00, 0x01]]); // memory, min 1 page
  const funcs = vec(fns.map((_, i) => uleb(i)));
  const exports = vec([
    [...name('gemm'), 0x00, 0],
    [...name('transpose'), 0x00, 1],
    [...name('adagrad'), 0x00, 2],
  ]);
  const code = vec(
    fns.map((f) => {
      const body = [...vec(f.locals.map(([n, t]) => [...uleb(n), t])), ...f.body, 0x0b];
      return [...uleb(body.length), ...body];
    }),
  );
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, types),
    ...section(2, imports),
    ...section(3, funcs),
    ...section(7, exports),
    ...section(10, code),
  ]);
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly or its SIMD is missing. */
function kernelModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    compiled = null;
    try {
      if (typeof WebAssembly === 'object') {
        const bytes = moduleBytes();
        if (WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
      }
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** Kernels over a fresh memory of at least `doubles` doubles, or null if they cannot run here. */
export function createWasmKernels(doubles: number): WasmKernels | null {
  const mod = kernelModule();
  // Byte offsets are i32 in the kernels: 2 GiB at most.
  if (!mod || !(doubles >= 0 && doubles * 8 < 2 ** 31)) return null;
  const pages = Math.ceil((doubles * 8) / 65536) || 1;
  try {
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const inst = new WebAssembly.Instance(mod, { env: { memory } });
    const ex = inst.exports as unknown as Omit<WasmKernels, 'memory'>;
    return { memory, gemm: ex.gemm, transpose: ex.transpose, adagrad: ex.adagrad };
  } catch {
    return null; // no memory that large to be had: the plain path will do
  }
}
