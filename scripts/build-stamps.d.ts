export interface BuildPart {
  name: string;
  inputs: string[];
  output: string;
}
export function hashOf(root: string, inputs: string[]): string;
export function staleParts<T extends BuildPart>(root: string, parts: T[]): (T & { hash: string })[];
export function recordBuilt(root: string, part: BuildPart & { hash: string }): void;
