// Exact rational numbers on bigint. Every amount of money in this package is a Rational: budgets,
// costs, prices and shares are never rounded, so outcomes cannot depend on floating-point error.

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

export class Rational {
  /** Always in lowest terms with a positive denominator. */
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static readonly ZERO = new Rational(0n, 1n);

  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = BigInt(num);
    let d = BigInt(den);
    if (d === 0n) throw new RangeError('Rational with a zero denominator');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    if (d === 1n) return new Rational(n, 1n);
    const g = gcd(n, d);
    return g === 1n ? new Rational(n, d) : new Rational(n / g, d / g);
  }

  static integer(n: bigint): Rational {
    return new Rational(n, 1n);
  }

  /**
   * Reads a decimal number exactly: "12", "-3", "10000.0", "0.125", "1e3", "2.5E-2", or "a/b".
   * Returns null when the text is not such a number.
   */
  static parse(text: string): Rational | null {
    const s = text.trim();
    const fraction = /^([+-]?\d+)\/(\d+)$/.exec(s);
    if (fraction) {
      const den = BigInt(fraction[2]!);
      return den === 0n ? null : Rational.of(BigInt(fraction[1]!), den);
    }
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
    if (!m) return null;
    const [, sign, intPart = '', fracPart = '', exp] = m;
    if (intPart === '' && fracPart === '') return null;
    let num = BigInt((intPart || '0') + fracPart);
    let den = 10n ** BigInt(fracPart.length);
    if (exp !== undefined) {
      const e = Number(exp);
      if (Math.abs(e) > 1000) return null;
      if (e >= 0) num *= 10n ** BigInt(e);
      else den *= 10n ** BigInt(-e);
    }
    return Rational.of(sign === '-' ? -num : num, den);
  }

  add(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return new Rational(this.num + o.num, 1n);
    if (this.den === o.den) return Rational.of(this.num + o.num, this.den);
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  sub(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return new Rational(this.num - o.num, 1n);
    if (this.den === o.den) return Rational.of(this.num - o.num, this.den);
    return Rational.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }

  divInt(k: bigint): Rational {
    if (k === 0n) throw new RangeError('Rational division by zero');
    return Rational.of(this.num, this.den * k);
  }

  /** -1, 0 or 1. */
  cmp(o: Rational): number {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  sign(): number {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }

  eq(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }

  le(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }

  /** "7", "-3/4": exact and parseable again by Rational.parse. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  /** Decimal text rounded half up to `digits` places, without trailing zeros. */
  toDecimal(digits = 2): string {
    const negative = this.num < 0n;
    const abs = negative ? -this.num : this.num;
    const scale = 10n ** BigInt(digits);
    const scaled = (abs * scale * 2n + this.den) / (this.den * 2n);
    const int = scaled / scale;
    let frac = digits > 0 ? (scaled % scale).toString().padStart(digits, '0') : '';
    frac = frac.replace(/0+$/, '');
    const text = frac ? `${int}.${frac}` : `${int}`;
    return negative && scaled !== 0n ? `-${text}` : text;
  }
}
