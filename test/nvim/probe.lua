-- Neovim 0.7 LSP probe: attaches a language server to one file, waits for diagnostics, writes them as JSON, quits.
--
-- Run (run-nvim.ts does this): nvim --headless -u NONE -i NONE -n -c 'luafile probe.lua'
-- Env in:
--   SECURE_IAC_SERVER      path of the server script, started as {node, server, '--stdio'} (required)
--   SECURE_IAC_FILE        file to open (required)
--   SECURE_IAC_OUT         where to write the JSON result (required)
--   SECURE_IAC_ROOT        root_dir for the client (default: cwd)
--   SECURE_IAC_NODE        node binary (default: node)
--   SECURE_IAC_TIMEOUT_MS  how long to wait for diagnostics (default 20000)
--   SECURE_IAC_MIN_DIAGNOSTICS  wait until at least this many exist (default 1; 0 = wait for the
--                          first publishDiagnostics, even an empty one, to prove a clean file)
--   SECURE_IAC_LANGUAGE_ID languageId to send instead of Neovim's filetype (e.g. 'yaml')
--   SECURE_IAC_CODE_ACTIONS=1  also ask textDocument/codeAction for each diagnostic, record titles
--   SECURE_IAC_APPLY_FIX=<code>  apply the preferred quick fix of the first diagnostic with this code
--                          (resolving it first if it came without an edit), then wait until the
--                          server republishes without that diagnostic; records the buffer text after
-- Written with vim.lsp.start_client + buf_attach_client because vim.lsp.start only exists from 0.8.

local result = { ok = false, errors = {}, diagnostics = {}, code_actions = {}, preferred = {} }

local function env(name, default)
  local v = os.getenv(name)
  if v == nil or v == '' then return default end
  return v
end

local out_path = env('SECURE_IAC_OUT')

local function finish()
  -- Always write something and always quit: a Lua error must not leave a headless nvim hanging.
  if out_path then
    local f = io.open(out_path, 'w')
    if f then
      f:write(vim.fn.json_encode(result))
      f:close()
    end
  end
  vim.cmd('qall!')
end

local function nil_to_null(v)
  if v == nil then return vim.NIL end
  return v
end

local function diagnostic_code(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function snapshot_diagnostics(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out, {
      lnum = d.lnum, col = d.col, end_lnum = nil_to_null(d.end_lnum), end_col = nil_to_null(d.end_col),
      message = d.message, severity = d.severity, code = nil_to_null(diagnostic_code(d)), source = nil_to_null(d.source),
    })
  end
  return out
end

local function buffer_text(bufnr)
  local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  if vim.bo[bufnr].eol then text = text .. '\n' end
  return text
end

-- Asks the server for code actions on one diagnostic; returns the actions of every client that answered.
local function code_actions_for(bufnr, d, timeout)
  local lsp_diag = d.user_data and d.user_data.lsp
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = lsp_diag and lsp_diag.range or { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum or d.lnum, character = d.end_col or d.col } },
    context = { diagnostics = { lsp_diag } },
  }
  local actions = {}
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, timeout) or {}
  for _, resp in pairs(responses) do
    if resp.error then table.insert(result.errors, 'codeAction: ' .. vim.inspect(resp.error)) end
    for _, action in ipairs(resp.result or {}) do table.insert(actions, action) end
  end
  return actions
end

-- Applies a code action the way an editor would: its edit (resolved first when the server deferred it),
-- then its command, if any.
local function apply_action(client, bufnr, action, timeout)
  if not action.edit and not action.command and action.data ~= nil then
    local resp = client.request_sync('codeAction/resolve', action, timeout, bufnr)
    if not resp or resp.err then error('codeAction/resolve failed: ' .. vim.inspect(resp and resp.err)) end
    action = resp.result
  end
  if action.edit then vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16') end
  local command = type(action.command) == 'table' and action.command or nil
  if command then
    local resp = client.request_sync('workspace/executeCommand', command, timeout, bufnr)
    if not resp or resp.err then error('executeCommand failed: ' .. vim.inspect(resp and resp.err)) end
  end
  if not action.edit and not command then error('code action "' .. action.title .. '" has neither edit nor command') end
end

local function main()
  local server = assert(env('SECURE_IAC_SERVER'), 'SECURE_IAC_SERVER is not set')
  local file = assert(env('SECURE_IAC_FILE'), 'SECURE_IAC_FILE is not set')
  assert(out_path, 'SECURE_IAC_OUT is not set')
  local timeout = tonumber(env('SECURE_IAC_TIMEOUT_MS', '20000'))
  local min_diags = tonumber(env('SECURE_IAC_MIN_DIAGNOSTICS', '1'))
  local language_id = env('SECURE_IAC_LANGUAGE_ID')

  -- -u NONE leaves filetype detection off; the filetype becomes the LSP languageId.
  vim.cmd('filetype on')
  vim.cmd('edit! ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype

  local published = false
  local publishes = 0
  local exit_info
  local client_id = vim.lsp.start_client({
    name = 'secure-iac',
    cmd = { env('SECURE_IAC_NODE', 'node'), server, '--stdio' },
    root_dir = env('SECURE_IAC_ROOT', vim.fn.getcwd()),
    get_language_id = function(_, filetype) return language_id or filetype end,
    handlers = {
      -- Wrap the default handler to learn that a publish arrived, even one with zero diagnostics.
      ['textDocument/publishDiagnostics'] = function(err, res, ctx, config)
        published = true
        publishes = publishes + 1
        return vim.lsp.handlers['textDocument/publishDiagnostics'](err, res, ctx, config)
      end,
    },
    on_exit = function(code, signal) exit_info = { code = code, signal = signal } end,
  })
  if not client_id then error('vim.lsp.start_client returned nil (bad cmd?)') end
  result.language_id = language_id or result.filetype
  vim.lsp.buf_attach_client(bufnr, client_id)

  local ok = vim.wait(timeout, function()
    if exit_info then return true end
    if min_diags == 0 then return published end
    return #vim.diagnostic.get(bufnr) >= min_diags
  end, 20)
  result.timed_out = not ok
  if exit_info then table.insert(result.errors, ('server exited early: code %s signal %s'):format(exit_info.code, exit_info.signal)) end

  result.diagnostics = snapshot_diagnostics(bufnr)

  local fix_code = env('SECURE_IAC_APPLY_FIX')
  if env('SECURE_IAC_CODE_ACTIONS') == '1' or fix_code then
    for i, d in ipairs(vim.diagnostic.get(bufnr)) do
      local titles = {}
      local preferred = vim.NIL
      local actions = code_actions_for(bufnr, d, timeout)
      for _, action in ipairs(actions) do
        table.insert(titles, action.title)
        if action.isPreferred and preferred == vim.NIL then preferred = action.title end
      end
      result.code_actions[i] = titles
      result.preferred[i] = preferred
    end
  end

  if fix_code then
    local target
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if not target and tostring(diagnostic_code(d)) == fix_code then target = d end
    end
    if not target then error('no diagnostic with code ' .. fix_code .. ' to fix') end
    local chosen
    for _, action in ipairs(code_actions_for(bufnr, target, timeout)) do
      if not chosen and action.isPreferred then chosen = action end
    end
    if not chosen then error('no preferred quick fix for ' .. fix_code) end
    result.applied_fix = chosen.title
    local before = publishes
    apply_action(vim.lsp.get_client_by_id(client_id), bufnr, chosen, timeout)
    result.text_after_fix = buffer_text(bufnr)
    -- Done when the server has republished since the edit and the fixed diagnostic is gone.
    local gone = vim.wait(timeout, function()
      if exit_info or publishes == before then return exit_info ~= nil end
      for _, d in ipairs(vim.diagnostic.get(bufnr)) do
        if tostring(diagnostic_code(d)) == fix_code then return false end
      end
      return true
    end, 20)
    result.fixed_diagnostic_gone = gone and not exit_info
    result.diagnostics_after_fix = snapshot_diagnostics(bufnr)
  end

  -- Polite shutdown so the server's own exit path runs; force after a short wait.
  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return exit_info ~= nil end, 20)
  result.server_exit = exit_info or vim.NIL
  result.ok = ok and #result.errors == 0
end

local ok, err = pcall(main)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
