type Embed = (texts: readonly string[]) => Promise<number[][]>;

interface Waiting {
  texts: readonly string[];
  resolve: (vectors: number[][]) => void;
  reject: (error: Error) => void;
}

/**
 * One model run at a time; what is asked for during a run goes into the next run together
 * (several rooms' recall queries at once make one call, not a queue of calls). Each caller gets
 * its own vectors back, in order; a failed run fails everyone in it.
 */
export function coalescedEmbedding(run: Embed): Embed {
  const waiting: Waiting[] = [];
  let running = false;

  async function drain(): Promise<void> {
    running = true;
    while (waiting.length > 0) {
      const batch = waiting.splice(0);
      try {
        const vectors = await run(batch.flatMap((call) => call.texts));
        let at = 0;
        for (const call of batch) call.resolve(vectors.slice(at, (at += call.texts.length)));
      } catch (error) {
        for (const call of batch) call.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    running = false;
  }

  return (texts) =>
    new Promise((resolve, reject) => {
      waiting.push({ texts, resolve, reject });
      if (!running) void drain();
    });
}
