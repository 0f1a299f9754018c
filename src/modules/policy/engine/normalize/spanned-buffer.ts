/** Code points with, for each, the span of the original text (UTF-16 units) it came from. */
export class SpannedBuffer {
  length = 0;
  cp: Int32Array;
  start: Int32Array;
  end: Int32Array;

  constructor(capacity = 512) {
    this.cp = new Int32Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
  }

  push(c: number, start: number, end: number): void {
    if (this.length === this.cp.length) this.grow();
    const n = this.length++;
    this.cp[n] = c;
    this.start[n] = start;
    this.end[n] = end;
  }

  /** Makes room for `capacity` code points, keeping the content. */
  reserve(capacity: number): void {
    while (this.cp.length < capacity) this.grow();
  }

  toString(): string {
    let s = '';
    for (let i = 0; i < this.length; i++) s += String.fromCodePoint(this.cp[i]!);
    return s;
  }

  private grow(): void {
    const size = this.cp.length * 2;
    const cp = new Int32Array(size);
    const start = new Int32Array(size);
    const end = new Int32Array(size);
    cp.set(this.cp);
    start.set(this.start);
    end.set(this.end);
    this.cp = cp;
    this.start = start;
    this.end = end;
  }
}
