import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { Declaration } from './participant.ts';

export type DeclarationInput = { hasInterests: boolean; text: string | null };
export type DeclarationRefusal = 'declaration-needs-text';

export function checkDeclaration(input: DeclarationInput): DeclarationRefusal | null {
  return input.hasInterests && !input.text?.trim() ? 'declaration-needs-text' : null;
}

/** Declarations are versioned and dated; each new one supersedes, none is erased. */
export function declareInterests(
  latest: Declaration | null,
  input: DeclarationInput,
): Result<{ version: number; hasInterests: boolean; text: string | null }, DeclarationRefusal | 'unchanged'> {
  const problem = checkDeclaration(input);
  if (problem) return refuse(problem);
  const text = input.hasInterests ? input.text!.trim() : null;
  if (latest && latest.hasInterests === input.hasInterests && latest.text === text) return refuse('unchanged');
  return ok({ version: (latest?.version ?? 0) + 1, hasInterests: input.hasInterests, text });
}
