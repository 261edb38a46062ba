// The common shape "this flag must be true": silent when unresolved, a finding with a safe fix otherwise.
import type { Report, ResourceView, ValueView } from '../api';

/**
 * Reports `key` under `on` unless it is true or unresolved; the fix sets it to true.
 * `missing` / `disabled` / `enable` are the rule's message ids for the two findings and the fix.
 */
export function requireTrue<P extends string, M extends string>(
  on: ValueView<P> | ResourceView<P>,
  key: P,
  report: Report<M, P>,
  messages: { missing: M; disabled: M; enable: M },
  safety: 'safe' | 'review' = 'safe',
): void {
  const value = on.prop(key);
  if (value.isUnresolved() || value.asBoolean() === true) return;
  report({
    at: value,
    messageId: value.isMissing() ? messages.missing : messages.disabled,
    fix: { messageId: messages.enable, safety, apply: (f) => f.set(on, key, true) },
  });
}
