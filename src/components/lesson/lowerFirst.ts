/** A choice's label inside a sentence: "The loss" → "the loss", but "LSTM's state" stays. */
export const lowerFirst = (label: string): string =>
  /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
