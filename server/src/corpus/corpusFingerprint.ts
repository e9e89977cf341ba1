import { createHash, hash } from 'node:crypto';

const MODULUS = 1n << 160n;

/**
 * Identifies a corpus by what each article's analysis follows from (its uri and fingerprint),
 * whatever order articles came in: the digests of the articles are added up, mod 2^160. Kept up
 * to date as articles change, so that asking costs nothing: sorting and hashing thousands of
 * entries when a scan ends held the thread for 10 ms, while hovers waited.
 */
export class CorpusFingerprint {
  private readonly digests = new Map<string, bigint>();
  private sum = 0n;

  /** `fingerprint` null: the article has no analysis, and does not count. */
  set(uri: string, fingerprint: string | null): void {
    this.sum -= this.digests.get(uri) ?? 0n;
    if (fingerprint === null) {
      this.digests.delete(uri);
    } else {
      const digest = BigInt(`0x${hash('sha1', `${uri}\t${fingerprint}`)}`);
      this.digests.set(uri, digest);
      this.sum += digest;
    }
    this.sum = ((this.sum % MODULUS) + MODULUS) % MODULUS;
  }

  /** The corpus as it is now, for counts made by the matching code of build `version`. */
  value(version: string): string {
    return createHash('sha1').update(version).update('\n').update(this.sum.toString(16)).digest('hex');
  }
}
