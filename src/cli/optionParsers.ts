// commander argument parsers shared by the commands; each throws InvalidArgumentError, which
// the root turns into exit code 2 with commander's own "option '--x <n>' argument …" message.
import { InvalidArgumentError } from "commander";

export function integerAtLeast(minimum: number): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (text.trim() === "" || !Number.isInteger(value) || value < minimum) throw new InvalidArgumentError(`expected an integer >= ${minimum}.`);
    return value;
  };
}

export function positiveNumber(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value <= 0) throw new InvalidArgumentError("expected a positive number.");
  return value;
}

export function nonNegativeNumber(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0) throw new InvalidArgumentError("expected a number >= 0.");
  return value;
}
