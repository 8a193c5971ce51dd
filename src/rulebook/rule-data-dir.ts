import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { RuleDataFile } from '../rules/rule-data-files';
import { RuleDataDirError } from './rule-data-dir-error';

/** The folders of a rule data directory and the kind of data each holds. */
const FOLDERS = { calendars: 'calendar', packs: 'pack' } as const;
const EXTENSIONS = new Set(['.json', '.yaml', '.yml']);

interface Listing {
  /** `calendars/ru-2028.yaml` and so on, in name order: the order the files apply in. */
  files: Array<{ name: string; kind: RuleDataFile['kind']; fullPath: string; size: number; mtimeMs: number }>;
  /** Changes whenever a file is added, removed or rewritten. */
  fingerprint: string;
}

async function listFolder(dir: string, folder: keyof typeof FOLDERS): Promise<Listing['files']> {
  const folderPath = path.join(dir, folder);
  let names: string[];
  try {
    names = await readdir(folderPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files = [];
  for (const name of names.filter((candidate) => EXTENSIONS.has(path.extname(candidate).toLowerCase())).sort()) {
    const fullPath = path.join(folderPath, name);
    const info = await stat(fullPath);
    if (info.isFile()) files.push({ name: `${folder}/${name}`, kind: FOLDERS[folder], fullPath, size: info.size, mtimeMs: info.mtimeMs });
  }
  return files;
}

/** What is in the directory now, without reading the files: cheap enough to ask before every computation. */
export async function listRuleDataDir(dir: string): Promise<Listing> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new RuleDataDirError(`DOCKET_RULES_DIR names ${dir}, which is not a directory`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new RuleDataDirError(`DOCKET_RULES_DIR names ${dir}, which does not exist`);
    throw error;
  }
  const files = [...(await listFolder(dir, 'calendars')), ...(await listFolder(dir, 'packs'))];
  return { files, fingerprint: files.map((file) => `${file.name}:${file.size}:${file.mtimeMs}`).join('|') };
}

function parseFile(name: string, text: string): unknown {
  try {
    if (name.endsWith('.json')) return JSON.parse(text) as unknown;
    return parseYaml(text) as unknown;
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const where = error.linePos?.[0] ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
      throw new RuleDataDirError(`${name}: not valid YAML${where}: ${error.message.split('\n')[0]}`);
    }
    throw new RuleDataDirError(`${name}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Reads and parses every file of a listing; checking the data itself is the rules engine's job. */
export async function readRuleDataFiles(listing: Listing): Promise<RuleDataFile[]> {
  const files: RuleDataFile[] = [];
  for (const file of listing.files) {
    files.push({ file: file.name, kind: file.kind, content: parseFile(file.name, await readFile(file.fullPath, 'utf8')) });
  }
  return files;
}
