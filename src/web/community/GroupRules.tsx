import type { Group } from '../../shared/api/community.js';
import { ruleLines } from './labels.js';

/** A group's rules as a numbered list under their own heading. */
export function GroupRules({ group, headingLevel = 2 }: { group: Group; headingLevel?: 2 | 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="group-rules">
      <Heading className="group-rules__title">Rules of {group.name}</Heading>
      <ol className="group-rules__list">
        {ruleLines(group.rules).map((rule, index) => (
          <li key={index}>{rule}</li>
        ))}
      </ol>
    </div>
  );
}

/** The rules folded under their name: for members, who accepted them when they joined. */
export function FoldedGroupRules({ group }: { group: Group }) {
  return (
    <details className="group-rules group-rules--folded">
      <summary className="group-rules__title">Rules of {group.name}</summary>
      <ol className="group-rules__list">
        {ruleLines(group.rules).map((rule, index) => (
          <li key={index}>{rule}</li>
        ))}
      </ol>
    </details>
  );
}

/** The first few rules, for a card: the full list is shown before anyone joins. */
export function RulesSummary({ group, count = 3 }: { group: Group; count?: number }) {
  const rules = ruleLines(group.rules);
  if (rules.length === 0) return null;
  const rest = rules.length - count;
  return (
    <div className="rules-summary">
      <p className="rules-summary__title">Its rules include:</p>
      <ul className="rules-summary__list">
        {rules.slice(0, count).map((rule, index) => (
          <li key={index}>{rule}</li>
        ))}
      </ul>
      {rest > 0 ? (
        <p className="rules-summary__more small muted">and {rest} more, shown in full before you join.</p>
      ) : null}
    </div>
  );
}
