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
-- Written with vim.lsp.start_client + buf_attach_client because vim.lsp.start only exists from 0.8.

local result = { ok = false, errors = {}, diagnostics = {}, code_actions = {} }

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

  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp_code = d.user_data and d.user_data.lsp and d.user_data.lsp.code
    table.insert(result.diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = nil_to_null(d.end_lnum), end_col = nil_to_null(d.end_col),
      message = d.message, severity = d.severity, code = nil_to_null(d.code or lsp_code), source = nil_to_null(d.source),
    })
  end

  if env('SECURE_IAC_CODE_ACTIONS') == '1' then
    for i, d in ipairs(vim.diagnostic.get(bufnr)) do
      local lsp_diag = d.user_data and d.user_data.lsp
      local params = {
        textDocument = { uri = vim.uri_from_bufnr(bufnr) },
        range = lsp_diag and lsp_diag.range or { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum or d.lnum, character = d.end_col or d.col } },
        context = { diagnostics = { lsp_diag } },
      }
      local titles = {}
      local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, timeout) or {}
      for _, resp in pairs(responses) do
        if resp.error then table.insert(result.errors, 'codeAction: ' .. vim.inspect(resp.error)) end
        for _, action in ipairs(resp.result or {}) do table.insert(titles, action.title) end
      end
      result.code_actions[i] = titles
    end
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
