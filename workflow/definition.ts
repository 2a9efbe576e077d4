import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The one state machine definition, shared by the CDK app and the local runtime. */
export const definitionPath = fileURLToPath(new URL('./collaboration.asl.json', import.meta.url));

export interface AslState {
  Type: string;
  Resource?: string;
  Next?: string;
  End?: boolean;
  Default?: string;
  TimeoutSeconds?: number;
  TimeoutSecondsPath?: string;
  Choices?: { Next: string }[];
  Catch?: { Next: string }[];
  [key: string]: unknown;
}

export interface AslDefinition {
  StartAt: string;
  TimeoutSeconds?: number;
  States: Record<string, AslState>;
}

/** Reads the definition and fills `${Name}` placeholders (CDK does the same with DefinitionSubstitutions). */
export function loadDefinition(substitutions: Record<string, string> = {}): AslDefinition {
  const text = readFileSync(definitionPath, 'utf8').replace(/\$\{(\w+)\}/g, (placeholder, name: string) =>
    name in substitutions ? (substitutions[name] as string) : placeholder,
  );
  return JSON.parse(text) as AslDefinition;
}

/** Every `${Name}` the definition expects to be substituted. */
export function definitionPlaceholders(): string[] {
  const text = readFileSync(definitionPath, 'utf8');
  return [...new Set([...text.matchAll(/\$\{(\w+)\}/g)].map((match) => match[1] as string))].sort();
}

/**
 * Every state of the definition with its name, those of a Map's ItemProcessor included: the local runner
 * and the tests map task states by name, and state names are unique across the whole machine.
 */
export function allStates(definition: Pick<AslDefinition, 'States'>): [string, AslState][] {
  return Object.entries(definition.States).flatMap(([name, state]): [string, AslState][] => {
    const processor = state.ItemProcessor as Pick<AslDefinition, 'States'> | undefined;
    return [[name, state], ...(processor ? allStates(processor) : [])];
  });
}
