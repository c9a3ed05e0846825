/**
 * The answers of repeated reads of one thing (the tag tree, the sidebar), applied in the order
 * the reads were asked. A browser keeps six requests to a server in flight, so two reads in a
 * row can be answered out of order, and an older answer applied last would leave the page with
 * an older state (the chips showed a moved tag at its old path). An answer older than one
 * already applied is dropped; any other is applied, so a caller that awaits its own read finds
 * at least that answer in the store (dropping all but the newest read's answer broke that).
 */
export class ReadOrder {
  private asked = 0;
  private applied = 0;

  /** Numbers a read as it is sent. */
  ask(): number {
    this.asked += 1;
    return this.asked;
  }

  /** True when the answer of read `read` is to be applied (it then counts as applied). */
  fresh(read: number): boolean {
    if (read < this.applied) return false;
    this.applied = read;
    return true;
  }
}
