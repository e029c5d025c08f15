import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManifestUtil, type TeamsAppManifest } from '@microsoft/app-manifest';

export const APP_PACKAGE_DIR = fileURLToPath(new URL('../../appPackage', import.meta.url));
export type ManifestValues = Record<'TEAMS_APP_ID' | 'MICROSOFT_APP_ID' | 'BOT_DOMAIN' | 'SHOP_NAME', string>;

/** appPackage/manifest.json with its `{{PLACEHOLDERS}}` filled (JSON-escaped). */
export function buildTeamsManifest(values: ManifestValues): Record<string, unknown> {
  const template = readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
  const filled = template.replace(/\{\{(\w+)\}\}/gu, (whole, name: string) => {
    const value = values[name as keyof ManifestValues];
    if (value === undefined) throw new Error(`buildTeamsManifest: no value for ${whole}`);
    return JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(filled) as Record<string, unknown>;
}

/** Schema errors of a manifest, checked offline against the schema shipped in @microsoft/app-manifest. */
export async function validateTeamsManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const version = String(manifest.manifestVersion);
  const packageDir = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest'));
  const schemaFile = join(packageDir, 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Parameters<typeof ManifestUtil.validateManifestAgainstSchema>[1];
  return ManifestUtil.validateManifestAgainstSchema(manifest as unknown as TeamsAppManifest, schema);
}
