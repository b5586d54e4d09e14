/** Why a request is refused, as HTTP would say it. */
export type RefusalKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict';

/** A person-readable text in both interface languages. */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

/** A text in both languages, zh-CN first: `say('找不到建议。', 'There is no such proposal.')`. */
export const say = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/**
 * A command refused by a rule of the domain. `code` is stable for programs;
 * `text` is what a person reads, in zh-CN and English. `field` names the command's input field
 * the refusal is about (e.g. `estimatedCost`), so that a form shows it beside that field.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly kind: RefusalKind,
    readonly code: string,
    readonly text: LocalizedText,
    readonly field?: string,
  ) {
    super(text.en);
  }
}

export const refuse = (
  kind: RefusalKind,
  code: string,
  zh: string,
  en: string,
  field?: string,
): never => {
  throw new DomainError(kind, code, { 'zh-CN': zh, en }, field);
};
