// Regenerates ecmascript-numbers.tsv: IEEE-754 bits and the text ECMAScript's Number::toString
// gives them, taken from a real engine (node ecmascript-numbers.mjs > ecmascript-numbers.tsv).
// Seeded, so the same engine always yields the same file.
const view = new DataView(new ArrayBuffer(8));
let state = 0x9e3779b97f4a7c15n;
function next64() { // xorshift64
  state ^= (state << 13n) & 0xffffffffffffffffn; state ^= state >> 7n; state ^= (state << 17n) & 0xffffffffffffffffn;
  return state;
}
const uniform = () => Number(next64() >> 11n) / 2 ** 53;
const fromBits = (bits) => { view.setBigUint64(0, bits); return view.getFloat64(0); };
const bitsOf = (x) => { view.setFloat64(0, x); return view.getBigUint64(0); };
const values = [];
const add = (x) => { if (Number.isFinite(x)) values.push(x); };

for (let i = 0; i < 1500; i++) add(fromBits(next64()));                                      // any double
for (let i = 0; i < 300; i++) add(fromBits(next64() & 0x000fffffffffffffn));                  // subnormals
for (let i = 0; i < 1000; i++) add((uniform() - 0.5) * 10 ** Math.floor(uniform() * 61 - 30)); // decimals
for (let i = 0; i < 600; i++) add(Math.round(uniform() * 2 ** 53) * 2 ** Math.floor(uniform() * 22)); // big integers
for (let e = -9; e <= 24; e++) {                                                              // layout edges
  const p = Number(`1e${e}`);
  for (const d of [-2n, -1n, 0n, 1n, 2n]) { add(fromBits(bitsOf(p) + d)); add(-fromBits(bitsOf(p) + d)); }
}
for (const x of values) console.log(`${bitsOf(x).toString(16).padStart(16, '0')}\t${String(x)}`);
