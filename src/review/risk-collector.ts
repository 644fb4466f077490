import type { RiskLevel } from '../schema';
import { compareText } from '../util/compare-text';
import type { AccessDelta, Piece } from './diff-access';
import type { DiffSide } from './diff-side';
import type { RiskItem, RiskKind } from './diff-types';

const RANK: Readonly<Record<RiskLevel, number>> = { low: 0, medium: 1, high: 2 };

/** The order kinds are listed in at one level: what adds access or loosens a decision first. */
export const KIND_ORDER: readonly RiskKind[] = [
  'access-gained',
  'deny-removed',
  'owner-added',
  'acceptance-added',
  'acceptance-widened',
  'acceptance-extended',
  'acceptance-changed',
  'risk-raised',
  'access-lost',
  'deny-added',
  'owner-removed',
  'acceptance-removed',
  'acceptance-narrowed',
  'acceptance-shortened',
  'risk-lowered',
];

/** Orders risk items: highest level first, then by kind, capability and roles. */
export function compareRiskItems(a: RiskItem, b: RiskItem): number {
  return (
    RANK[b.level] - RANK[a.level] ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    compareText(a.capability ?? '', b.capability ?? '') ||
    compareText(a.roles.join(','), b.roles.join(',')) ||
    compareText(a.people.join(','), b.people.join(','))
  );
}

interface Entry {
  kind: RiskKind;
  capability?: string;
  level: RiskLevel;
  roles: Set<string>;
  people: Set<string>;
}

/**
 * Gathers risk items as the diff finds changes: one item per capability and kind, with every role the
 * change comes through and every person it reaches.
 */
export class RiskCollector {
  private readonly entries = new Map<string, Entry>();
  // What a delta contributes, found once however many people share it.
  private readonly perDelta = new WeakMap<AccessDelta, readonly { kind: RiskKind; capability: string; level: RiskLevel; role: string }[]>();

  constructor(
    private readonly base: DiffSide,
    private readonly head: DiffSide,
  ) {}

  /** Adds the pieces of a delta, each capability behind them with its role, and `person` when it is a person's. */
  addDelta(delta: AccessDelta, person?: string): void {
    let contributions = this.perDelta.get(delta);
    if (!contributions) {
      const found = new Map<string, { kind: RiskKind; capability: string; level: RiskLevel; role: string }>();
      const add = (pieces: readonly Piece[], gained: boolean): void => {
        for (const piece of pieces) {
          // A deny that comes or goes with the access it narrows is part of that access gained or lost.
          if (piece.deny && !piece.effective) continue;
          const kind: RiskKind = piece.deny ? (gained ? 'deny-added' : 'deny-removed') : gained ? 'access-gained' : 'access-lost';
          for (const provider of piece.providers) {
            found.set([kind, provider.capability, provider.role].join('\u0000'), {
              kind,
              capability: provider.capability,
              level: provider.risk,
              role: provider.role,
            });
          }
        }
      };
      add(delta.gained, true);
      add(delta.lost, false);
      contributions = [...found.values()];
      this.perDelta.set(delta, contributions);
    }
    for (const { kind, capability, level, role } of contributions) this.add(kind, level, capability, role, person);
  }

  /** An organisation owner added or removed: always high, and never covered by an acceptance. */
  addOwner(kind: 'owner-added' | 'owner-removed', person: string): void {
    this.add(kind, 'high', undefined, undefined, person);
  }

  /** Any other item of a capability (risk re-rated, acceptance changes), with the roles and people it reaches. */
  add(
    kind: RiskKind,
    level: RiskLevel,
    capability: string | undefined,
    role?: string | readonly string[],
    person?: string | readonly string[],
  ): void {
    const key = `${kind}\u0000${capability ?? ''}`;
    let entry = this.entries.get(key);
    if (!entry)
      this.entries.set(
        key,
        (entry = { kind, ...(capability !== undefined ? { capability } : {}), level, roles: new Set(), people: new Set() }),
      );
    if (RANK[level] > RANK[entry.level]) entry.level = level;
    for (const id of typeof role === 'string' ? [role] : (role ?? [])) entry.roles.add(id);
    for (const id of typeof person === 'string' ? [person] : (person ?? [])) entry.people.add(id);
  }

  /** The items, sorted; access gained or lost says whether an acceptance on the side holding it covers its roles. */
  items(): RiskItem[] {
    return [...this.entries.values()]
      .map((entry): RiskItem => {
        const roles = [...entry.roles].sort(compareText);
        const side = entry.kind === 'access-gained' ? this.head : entry.kind === 'access-lost' ? this.base : undefined;
        return {
          level: entry.level,
          kind: entry.kind,
          ...(entry.capability !== undefined ? { capability: entry.capability } : {}),
          roles,
          people: [...entry.people].sort(compareText),
          ...(side && entry.capability !== undefined ? { accepted: covers(side, entry.capability, roles) } : {}),
        };
      })
      .sort(compareRiskItems);
  }
}

/** Whether the capability's acceptance on this side is in force on the model's date and names every role. */
export function covers(side: DiffSide, capability: string, roles: readonly string[]): boolean {
  const accepted = side.capabilities.get(capability)?.risk.accepted;
  if (!accepted) return false;
  const asOf = side.model.asOf;
  if (accepted.on > asOf || (accepted.expires !== undefined && accepted.expires < asOf)) return false;
  return roles.every((role) => accepted.roles.includes(role));
}
