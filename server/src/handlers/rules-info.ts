// The list-rules request: the registry as the client shows it (quick picks for docs and disabling a rule).
import { RequestType0, type Connection } from 'vscode-languageserver/node';
import { allRules } from '../../../rules/index';
import { LIST_RULES_METHOD, type ListRulesResult } from '../protocol';
import { guardRequest, type Log } from './guard';
import { ruleDocsUrl } from './to-diagnostic';

const ListRulesRequest = new RequestType0<ListRulesResult, void>(LIST_RULES_METHOD);

/** Registers `secureIac/listRules`. */
export function registerRulesInfo(connection: Connection, log: Log): void {
  connection.onRequest(
    ListRulesRequest,
    guardRequest(log, 'listRules', { rules: [] }, () => ({
      rules: allRules.map((rule) => ({
        id: rule.id,
        title: rule.meta.title,
        severity: rule.meta.severity,
        docsUrl: ruleDocsUrl(rule.id) ?? '',
        defaultOff: rule.meta.defaultOff === true,
      })),
    })),
  );
}
