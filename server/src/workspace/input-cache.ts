// Parameter-file and tfvars values for the language server, read once per change rather than on every keystroke.
import * as path from 'node:path';
import type { IacNode } from '../model/nodes';
import { readModuleVariables, readParameterFiles, type InputReadOptions } from '../scan/input-values';

/** Values overriding parameter/variable defaults, by input name. */
export type InputValues = ReadonlyMap<string, IacNode>;

/**
 * The same sources as `secure-iac scan`: a CloudFormation template gets the parameter files, a Terraform file its
 * module directory's `terraform.tfvars` / `*.auto.tfvars` and then the var files. A file that cannot be read or
 * parsed is reported through `warn` and left out; the editor keeps checking with the defaults.
 */
export class InputValuesCache {
  private readonly cache = new Map<string, Promise<InputValues>>();
  /** Files read and module directories whose tfvars were read, to tell which disk changes matter. */
  private readonly files = new Set<string>();
  private readonly dirs = new Set<string>();

  constructor(private readonly warn: (message: string) => void) {}

  /** The values for a document (a Terraform one needs a file path: its directory is its module). */
  forDocument(
    uri: string,
    fsPath: string | undefined,
    parameterFiles: readonly string[],
    varFiles: readonly string[],
    read: InputReadOptions = {},
  ): Promise<InputValues> | undefined {
    const how = `${read.maxFileSize ?? ''}\n${(read.roots ?? []).join('\n')}`;
    if (/\.tf(\.json)?$/.test(uri)) {
      if (fsPath === undefined) return undefined;
      const dir = path.dirname(fsPath);
      this.dirs.add(dir);
      for (const f of varFiles) this.files.add(f);
      return this.cached(`tf\n${dir}\n${varFiles.join('\n')}\n${how}`, () => this.variables(dir, varFiles, read));
    }
    if (parameterFiles.length === 0) return undefined;
    for (const f of parameterFiles) this.files.add(f);
    return this.cached(`cfn\n${parameterFiles.join('\n')}\n${how}`, () => this.parameters(parameterFiles, read));
  }

  /** Whether a change to `fsPath` on disk can change the values handed out (a file read, or a module's tfvars). */
  affects(fsPath: string): boolean {
    return this.files.has(fsPath) || (/\.tfvars(\.json)?$/.test(fsPath) && this.dirs.has(path.dirname(fsPath)));
  }

  /** A file changed on disk (or settings changed): everything is read again on next use. Cheap: a few small files. */
  clear(): void {
    this.cache.clear();
    this.files.clear();
    this.dirs.clear();
  }

  private cached(key: string, read: () => Promise<InputValues>): Promise<InputValues> {
    let pending = this.cache.get(key);
    if (!pending) {
      pending = read();
      this.cache.set(key, pending);
    }
    return pending;
  }

  private async parameters(files: readonly string[], read: InputReadOptions): Promise<InputValues> {
    const out = new Map<string, IacNode>();
    for (const file of files) {
      try {
        for (const [k, v] of await readParameterFiles([file], read)) out.set(k, v);
      } catch (err) {
        this.warn(`Parameter file ${file} is left out: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return out;
  }

  private async variables(dir: string, varFiles: readonly string[], read: InputReadOptions): Promise<InputValues> {
    try {
      return await readModuleVariables(dir, varFiles, read);
    } catch (err) {
      this.warn(`Terraform variable values for ${dir}: ${err instanceof Error ? err.message : String(err)}`);
    }
    try {
      return await readModuleVariables(dir, [], read); // without the var files, whose problem was just reported
    } catch {
      return new Map();
    }
  }
}
