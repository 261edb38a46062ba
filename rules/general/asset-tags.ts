// Resources carry the tag keys the organisation requires (owner, cost centre, data class...), so assets can be inventoried.
import { defineRule } from '../define-rule';
import { isUnknown } from '../lib/unknown';
import { CFN_TAGGABLE, TF_TAGGABLE } from '../lib/taggable-types';

/** The tag keys written on a resource, or undefined when an unresolved part may hold more. */
function writtenKeys(tags: unknown): string[] | undefined {
  if (tags === undefined) return [];
  // A list of {Key, Value} (CloudFormation) or a map (Terraform).
  if (Array.isArray(tags)) {
    const keys = tags.map((t: unknown) => (t !== null && typeof t === 'object' && !isUnknown(t) ? (t as { Key?: unknown }).Key : undefined));
    return keys.every((k): k is string => typeof k === 'string') ? keys : undefined;
  }
  return tags !== null && typeof tags === 'object' && !isUnknown(tags) ? Object.keys(tags) : undefined;
}

export default defineRule({
  id: 'asset-tags',
  meta: {
    title: 'Resources carry the required tags',
    severity: 'info',
    defaultOff: true,
    whitepaper: 'Defining and categorizing assets',
    docs: 'https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html',
    related: {},
    noEquivalent: "Required tag keys are each organisation's own choice: other tools check them only through custom policies the user writes.",
    messages: {
      missing: '{{resource}} lacks the required tag keys {{keys}}.',
      addTags: 'Add the tag keys {{keys}} with empty values',
    },
  },
  targets: {
    cloudformation: [{ type: CFN_TAGGABLE, props: { tagList: 'Tags' } }],
    terraform: [{ type: TF_TAGGABLE, props: { tagMap: 'tags' } }],
  },
  check(resource, report, ctx) {
    const key = resource.declares('tagList') ? 'tagList' : 'tagMap';
    const tags = resource.prop(key);
    if (ctx.requiredTags.length === 0 || tags.isUnresolved()) return;
    const written = writtenKeys(tags.literal());
    if (!written) return;
    const have = new Set([...written, ...ctx.defaultTags]);
    const missing = ctx.requiredTags.filter((k) => !have.has(k));
    if (missing.length === 0) return;
    // Terraform: keys go into a missing or empty map (the API cannot add one entry to a written map without rewriting
    // it). Tags reached through a parameter/variable default belong to that input, so they get no fix.
    const fixable = !tags.isReference() && (key === 'tagList' || written.length === 0);
    const map = Object.fromEntries(missing.map((k) => [k, '']));
    const items = missing.map((k) => ({ Key: k, Value: '' }));
    report({
      at: tags,
      messageId: 'missing',
      data: { keys: missing.join(', ') },
      fix: fixable
        ? {
            messageId: 'addTags',
            // Only adds keys with empty values, for the user to fill in.
            safety: 'safe',
            apply: (f) => {
              if (tags.isMissing()) f.set(resource, key, key === 'tagList' ? items : map);
              else if (key === 'tagMap') f.replace(tags, map);
              else for (const item of items) f.append(resource, key, item);
            },
          }
        : undefined,
    });
  },
});
