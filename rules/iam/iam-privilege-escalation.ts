// Identity policies must not grant, on every resource, an action (or combination) that lets the holder grant
// themselves more: the privilege-escalation methods catalogued by Rhino Security Labs.
import { defineRule } from '../define-rule';
import { IDENTITY_POLICY_TARGETS, identityDocuments, judgedByV2, type AnchoredStatement } from '../lib/identity-policy';
import { grantsAction, grantsFullAdmin, hasCondition, isAllow, isDeny, onEveryResource } from '../lib/policy-document';

/** Each method is a set of actions that, all granted on `Resource: "*"`, escalate privileges. */
const METHODS: readonly (readonly string[])[] = [
  ...[
    'iam:CreateAccessKey',
    'iam:CreateLoginProfile',
    'iam:UpdateLoginProfile',
    'iam:AddUserToGroup',
    'iam:CreatePolicyVersion',
    'iam:SetDefaultPolicyVersion',
    'iam:AttachUserPolicy',
    'iam:AttachGroupPolicy',
    'iam:AttachRolePolicy',
    'iam:PutUserPolicy',
    'iam:PutGroupPolicy',
    'iam:PutRolePolicy',
    'iam:UpdateAssumeRolePolicy',
    'glue:UpdateDevEndpoint',
    'lambda:UpdateFunctionCode',
  ].map((action) => [action]),
  ['iam:PassRole', 'ec2:RunInstances'],
  ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'],
  ['iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'],
  ['iam:PassRole', 'glue:CreateDevEndpoint'],
  ['iam:PassRole', 'cloudformation:CreateStack'],
  ['iam:PassRole', 'datapipeline:CreatePipeline'],
];

/** How many methods a message names before summarising the rest. */
const NAMED = 3;

/**
 * The statements that grant `action` on every resource, unless an unconditional Deny of it on every resource in the
 * same document cancels it. A Condition does not exempt an Allow (it may be easy to satisfy); statements that
 * iam-admin-policy reports are left to it.
 */
function grantsOf(statements: readonly AnchoredStatement[], action: string): AnchoredStatement[] {
  const judged = statements.filter((s) => judgedByV2(s.statement) && onEveryResource(s.statement) && grantsAction(s.statement, action));
  if (judged.some((s) => isDeny(s.statement) && hasCondition(s.statement) === false)) return [];
  return judged.filter((s) => isAllow(s.statement) && !grantsFullAdmin(s.statement));
}

export default defineRule({
  id: 'iam-privilege-escalation',
  meta: {
    title: 'IAM policy does not grant a privilege-escalation method on every resource',
    severity: 'high',
    whitepaper: 'Managing identities: least privilege',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    related: {
      checkov: ['CKV_AWS_286', 'CKV_AWS_110'],
      kics: [
        '8f3c16b3-354d-45db-8ad5-5066778a9485',
        '970ed7a2-0aca-4425-acf1-0453c9ecbca1',
        '70b42736-efee-4bce-80d5-50358ed94990',
        '3dd96caa-0b5f-4a85-b929-acfac4646cc2',
        'db78d14b-10e5-4e6e-84b1-dace6327b1ec',
        '846646e3-2af1-428c-ac5d-271eccfa6faf',
        '04c686f1-e0cd-4812-88e1-4e038410074c',
        'ec49cbfd-fae4-45f3-81b1-860526d66e3f',
        '9b0ffadc-a61f-4c2a-b1e6-68fab60f6267',
        '15e6ad8c-f420-49a6-bafb-074f5eb1ec74',
        '7d544dad-8a6c-431c-84c1-5f07fe9afc0e',
        '034d0aee-620f-4bf7-b7fb-efdf661fdb9e',
        'e77c89f6-9c85-49ea-b95b-5f960fe5be92',
        'c0c1e744-0f37-445e-924a-1846f0839f69',
        '60263b4a-6801-4587-911d-919c37ed733b',
        '7782d4b3-e23e-432b-9742-d9528432e771',
        '78f1ec6f-5659-41ea-bd48-d0a142dce4f2',
        'ad296c0d-8131-4d6b-b030-1b0e73a99ad3',
        '571254d8-aa6a-432e-9725-535d3ef04d69',
        'eda48c88-2b7d-4e34-b6ca-04c0194aee17',
        'b8a31292-509d-4b61-bc40-13b167db7e9c',
        'f906113d-cdc0-415a-ba60-609cc6daaf4d',
        'f465fff1-0a0f-457d-aa4d-1bddb6f204ff',
        '7c96920c-6fd0-449d-9a52-0aa431b6beaf',
        '5b4d4aee-ac94-4810-9611-833636e5916d',
        '9a205ba3-0dd1-42eb-8d54-2ffec836b51a',
        'ee49557d-750c-4cc1-aa95-94ab36cbefde',
        'be2aa235-bd93-4b68-978a-1cc65d49082f',
        '30b88745-eebe-4ecb-a3a9-5cf886e96204',
        '0a592060-8166-49f5-8e65-99ac6dce9871',
        'fa62ac4f-f5b9-45b9-97c1-625c8b6253ca',
        'd6047119-a0b2-4b59-a4f2-127a36fb685b',
        'eb64f1e9-f67d-4e35-8a3c-3d6a2f9efea7',
        '8f75840d-9ee7-42f3-b203-b40e3979eb12',
        '118281d0-6471-422e-a7c5-051bc667926e',
        'f1173d8c-3264-4148-9fdb-61181e031b51',
        '35ccf766-0e4d-41ed-9ec4-2dab155082b4',
        'c583f0f9-7dfd-476b-a056-f47c62b47b46',
        '9b877bd8-94b4-4c10-a060-8e0436cc09fa',
        'bf9d42c7-c2f9-4dfe-942c-c8cc8249a081',
        '6d23d87e-1c5b-4308-b224-92624300f29b',
        'e227091e-2228-4b40-b046-fc13650d8e88',
        '70cb518c-d990-46f6-bc05-44a5041493d6',
        '113208f2-a886-4526-9ecc-f3218600e12c',
        '0fd7d920-4711-46bd-aff2-d307d82cd8b7',
        '1743f5f1-0bb0-4934-acef-c80baa5dadfa',
        '19ffbe31-9d72-4379-9768-431195eae328',
        '89561b03-cb35-44a9-a7e9-8356e71606f4',
        '94fbe150-27e3-4eba-9ca6-af32865e4503',
        '8055dec2-efb8-4fe6-8837-d9bed6ff202a',
        '8bfbf7ab-d5e8-4100-8618-798956e101e0',
        'eeb4d37a-3c59-4789-a00c-1509bc3af1e5',
        '0c10d7da-85c4-4d62-b2a8-d6c104f1bd77',
        '43a41523-386a-4cb1-becb-42af6b414433',
        '33627268-1445-4385-988a-318fd9d1a512',
        '6deb34e2-5d9c-499a-801b-ea6d9eda894f',
        'b69247e5-7e73-464e-ba74-ec9b715c6e12',
      ],
    },
    messages: {
      escalation:
        '{{resource}} allows {{methods}} on every resource ("*"): with it the holder can give themselves more permissions (privilege escalation). Name the users, roles or policies it may act on in Resource.',
    },
  },
  targets: IDENTITY_POLICY_TARGETS,
  check(resource, report) {
    for (const doc of identityDocuments(resource)) {
      const found: string[] = [];
      const escalating = new Set<AnchoredStatement>();
      for (const method of METHODS) {
        const grants = method.map((action) => grantsOf(doc.statements, action));
        if (grants.some((g) => g.length === 0)) continue;
        found.push(method.join(' + '));
        grants.flat().forEach((s) => escalating.add(s));
      }
      if (found.length === 0) continue;
      const more = found.length > NAMED ? ` (and ${found.length - NAMED} more methods)` : '';
      // One finding per document, where its first escalating grant is written.
      const at = doc.statements.find((s) => escalating.has(s))?.at ?? doc.at;
      report({ at, messageId: 'escalation', data: { methods: `${found.slice(0, NAMED).join('; ')}${more}` } });
    }
  },
});
