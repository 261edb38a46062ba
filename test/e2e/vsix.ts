// Packs an extension folder into a .vsix (a zip with a manifest) without vsce, for throwaway test extensions.
//
// The product's .vsix comes from `npm run package` (vsce), which the scenarios install. For a
// generated test extension vsce's checks (README, repository, icon) are noise; VS Code's installer
// only needs extension/package.json plus the two OPC files, so a small deflate-zip writer is enough.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

interface Entry {
  name: string;
  data: Buffer;
}

function listFiles(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const d of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) out.push(...listFiles(root, r));
    else if (d.isFile()) out.push(r);
  }
  return out;
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function manifest(pkg: Record<string, unknown>): string {
  const s = (k: string, dflt = ''): string => xmlEscape(typeof pkg[k] === 'string' ? (pkg[k] as string) : dflt);
  const engines = (pkg.engines ?? {}) as Record<string, string>;
  return `<?xml version="1.0" encoding="utf-8"?>
<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011" xmlns:d="http://schemas.microsoft.com/developer/vsx-schema-design/2011">
  <Metadata>
    <Identity Language="en-US" Id="${s('name')}" Version="${s('version')}" Publisher="${s('publisher')}" />
    <DisplayName>${s('displayName', s('name'))}</DisplayName>
    <Description xml:space="preserve">${s('description')}</Description>
    <Properties>
      <Property Id="Microsoft.VisualStudio.Code.Engine" Value="${xmlEscape(engines.vscode ?? '*')}" />
    </Properties>
  </Metadata>
  <Installation><InstallationTarget Id="Microsoft.VisualStudio.Code" /></Installation>
  <Dependencies />
  <Assets>
    <Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true" />
  </Assets>
</PackageManifest>
`;
}

function contentTypes(names: string[]): string {
  const exts = new Set(names.map((n) => path.extname(n)).filter((e) => e));
  exts.add('.vsixmanifest');
  const lines = [...exts].map(
    (e) => `<Default Extension="${xmlEscape(e)}" ContentType="${e === '.json' ? 'application/json' : 'application/octet-stream'}" />`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${lines.join('')}</Types>\n`;
}

/** Minimal PKZIP writer: deflate, no zip64, fixed 1980 timestamps (makes output reproducible). */
function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = zlib.deflateRawSync(e.data);
    const crc = zlib.crc32(e.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * Packs every file under `extensionDir` (or only `files`, relative paths) into `outFile`.
 * For the real extension pass an explicit file list (dist/, package.json, ...) rather than the
 * whole folder, or node_modules and sources end up inside.
 */
export function packVsix(extensionDir: string, outFile: string, files?: string[]): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8')) as Record<string, unknown>;
  const names = files ?? listFiles(extensionDir);
  const entries: Entry[] = [
    { name: 'extension.vsixmanifest', data: Buffer.from(manifest(pkg)) },
    { name: '[Content_Types].xml', data: Buffer.from(contentTypes(names)) },
    ...names.map((n) => ({ name: `extension/${n}`, data: fs.readFileSync(path.join(extensionDir, n)) })),
  ];
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, zip(entries));
  return outFile;
}
