// Resources carry the tag keys the organisation requires (owner, cost centre, data class...), so assets can be inventoried.
import { defineRule } from '../define-rule';
import { CFN_TAGGABLE, SAM_TAGGABLE, TF_TAGGABLE } from '../lib/taggable-types';

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
    cloudformation: [{ type: [...CFN_TAGGABLE, ...SAM_TAGGABLE], props: { tags: 'Tags' } }],
    terraform: [{ type: TF_TAGGABLE, props: { tags: 'tags' } }],
  },
  check(resource, report, ctx) {
    const tags = resource.tags('tags');
    if (ctx.requiredTags.length === 0 || tags.value.isUnresolved()) return;
    const written = tags.keys();
    if (!written) return;
    const have = new Set([...written, ...ctx.defaultTags]);
    const missing = ctx.requiredTags.filter((k) => !have.has(k));
    if (missing.length === 0) return;
    // Tags reached through a parameter/variable default belong to that input, so they get no fix; nor does a written
    // map (adding an entry would rewrite the user's map).
    const fixable = !tags.value.isReference() && tags.canAdd();
    report({
      at: tags.value,
      messageId: 'missing',
      data: { keys: missing.join(', ') },
      // Only adds keys with empty values, for the user to fill in.
      fix: fixable ? { messageId: 'addTags', safety: 'safe', apply: (f) => f.addTags(tags, missing) } : undefined,
    });
  },
});
