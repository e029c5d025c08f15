/**
 * `npm run teams:package`: builds the Teams app package (appPackage/manifest.json with its
 * placeholders filled, plus the icons) as appPackage/build/shop-service-desk.zip, after
 * validating the manifest against the official schema shipped in @microsoft/app-manifest.
 *
 *   TEAMS_APP_ID=<guid> MicrosoftAppId=<bot app id> BOT_DOMAIN=bot.example.com npm run teams:package
 */
import { mkdirSync } from 'node:fs';
import AdmZip from 'adm-zip';
import { buildTeamsManifest, validateTeamsManifest, APP_PACKAGE_DIR } from '../teams/teamsManifest.js';

const values = {
  TEAMS_APP_ID: process.env.TEAMS_APP_ID ?? '',
  MICROSOFT_APP_ID: process.env.MicrosoftAppId ?? '',
  BOT_DOMAIN: process.env.BOT_DOMAIN ?? '',
  SHOP_NAME: process.env.SHOP_NAME ?? 'Our shop',
};
const missing = Object.entries(values).filter(([, v]) => !v).map(([k]) => (k === 'MICROSOFT_APP_ID' ? 'MicrosoftAppId' : k));
if (missing.length > 0) {
  console.error(`Set ${missing.join(', ')} (see README: Microsoft Teams).`);
  process.exit(1);
}
const manifest = buildTeamsManifest(values);
const errors = await validateTeamsManifest(manifest);
if (errors.length > 0) {
  console.error(`appPackage/manifest.json does not validate:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
  process.exit(1);
}
const zip = new AdmZip();
zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
zip.addLocalFile(`${APP_PACKAGE_DIR}/color.png`);
zip.addLocalFile(`${APP_PACKAGE_DIR}/outline.png`);
mkdirSync(`${APP_PACKAGE_DIR}/build`, { recursive: true });
const out = `${APP_PACKAGE_DIR}/build/shop-service-desk.zip`;
zip.writeZip(out);
console.log(`Wrote ${out}: upload it in Teams (Apps > Manage your apps > Upload an app).`);
