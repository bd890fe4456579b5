/** Enough for the words customers use; past it the memory starts again. */
const WORDS_REMEMBERED = 50_000;

/**
 * A word-by-word computation that remembers each word's result (bounded,
 * then started again): customers reuse the same few thousand words.
 */
export function rememberedPerWord(compute: (word: string) => string): (word: string) => string {
  const remembered = new Map<string, string>();
  return (word) => {
    let result = remembered.get(word);
    if (result === undefined) {
      if (remembered.size >= WORDS_REMEMBERED) remembered.clear();
      result = compute(word);
      remembered.set(word, result);
    }
    return result;
  };
}
