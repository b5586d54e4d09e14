// What a proposal may say: photos within the rules, a cost within its category's cap. Checked on
// submission and on every change of the content (an edit, a resubmission).
import { refuse, type LocalizedText } from '../../shared/errors.ts';
import type { CycleDefinition } from '../../cycle/events.ts';
import { moneyText, projectCategoryText } from '../../cycle/describe.ts';
import { photoRules, proposalContentSchema } from '../events.ts';
import type { Photo, ProposalChanges, ProposalContent, ProposalEventOf } from '../events.ts';
import type { Proposal } from '../state.ts';

const contentKeys = Object.keys(proposalContentSchema.shape) as (keyof ProposalContent)[];

export function checkPhotos(photos: readonly Photo[]): void {
  if (photos.length > photoRules.maxCount) {
    refuse(
      'invalid',
      'too_many_photos',
      `最多上传 ${photoRules.maxCount} 张照片。`,
      `At most ${photoRules.maxCount} photos can be attached.`,
      'photoIds',
    );
  }
  for (const photo of photos) {
    if (!(photoRules.types as readonly string[]).includes(photo.type)) {
      refuse(
        'invalid',
        'photo_type_not_allowed',
        '照片须为 JPEG、PNG、WebP 或 HEIC 格式。',
        'Photos must be JPEG, PNG, WebP or HEIC images.',
        'photoIds',
      );
    }
    if (photo.size > photoRules.maxBytes) {
      refuse(
        'invalid',
        'photo_too_large',
        `每张照片不能超过 ${photoRules.maxBytes / 1024 / 1024} MB。`,
        `Each photo must be at most ${photoRules.maxBytes / 1024 / 1024} MB.`,
        'photoIds',
      );
    }
  }
}

/**
 * Why a cost is above its category's cap, or undefined when it fits. Proposal forms check it
 * too, so that the cost's problem shows beside the field together with the others.
 */
export function costAboveCap(
  cost: number,
  category: ProposalContent['category'],
  caps: CycleDefinition['caps'],
): LocalizedText | undefined {
  const cap = caps[category];
  if (cost <= cap) return undefined;
  const kind = projectCategoryText[category];
  return {
    'zh-CN': `${kind['zh-CN']}项目每项不超过 ${moneyText(cap)['zh-CN']}，本建议的费用为 ${moneyText(cost)['zh-CN']}。`,
    en: `Projects of the ${kind.en} category are capped at ${moneyText(cap).en}; this one costs ${moneyText(cost).en}.`,
  };
}

/** `field`: the command's input field that holds the cost, when it has one. */
export function refuseAboveCap(problem: LocalizedText, field?: string): never {
  return refuse('invalid', 'cost_above_cap', problem['zh-CN'], problem.en, field);
}

export function checkContent(content: ProposalContent, definition: CycleDefinition): void {
  checkPhotos(content.photos);
  const aboveCap = costAboveCap(content.estimatedCost, content.category, definition.caps);
  if (aboveCap) refuseAboveCap(aboveCap, 'estimatedCost');
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The edit or resubmission event for the fields that really change, if any. */
export function changed<Type extends 'ProposalEdited' | 'ProposalResubmitted'>(
  proposal: Proposal,
  requested: ProposalChanges,
  definition: CycleDefinition,
  type: Type,
): ProposalEventOf<Type>[] {
  const changes: Record<string, unknown> = {};
  const previous: Record<string, unknown> = {};
  for (const key of contentKeys) {
    const value = requested[key];
    if (value === undefined || sameValue(value, proposal.content[key])) continue;
    changes[key] = value;
    previous[key] = proposal.content[key];
  }
  if (Object.keys(changes).length === 0) return [];
  checkContent({ ...proposal.content, ...changes }, definition);
  return [
    {
      type,
      data: {
        proposalId: proposal.proposalId,
        changes: changes as ProposalChanges,
        previous: previous as ProposalChanges,
      },
    } as ProposalEventOf<Type>,
  ];
}
