import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import AdmZip from 'adm-zip';
import { expect } from 'chai';
import { APP_PACKAGE_DIR, buildTeamsManifest, validateTeamsManifest } from '../../../bot/teams/teamsManifest.js';

const values = { TEAMS_APP_ID: '6f1b4f7e-2c3a-4d5e-9f80-1a2b3c4d5e6f', MICROSOFT_APP_ID: '0c7e9a12-3b4c-4d5e-8f90-abcdefabcdef', BOT_DOMAIN: 'bot.example.com', SHOP_NAME: '示例小店' };

describe('Teams app package', function () {
  this.timeout(60_000);

  it('validates against the official schema once the placeholders are filled', async () => {
    const manifest = buildTeamsManifest(values);
    expect(await validateTeamsManifest(manifest)).to.deep.equal([]);
    expect(manifest).to.nested.include({ 'bots[0].botId': values.MICROSOFT_APP_ID, 'staticTabs[0].contentUrl': 'https://bot.example.com/agent?inTeams=1' });
    const commands = (manifest.composeExtensions as Array<{ commands: Array<{ id: string; type: string }> }>)[0]!.commands;
    expect(commands.map((c) => [c.id, c.type])).to.deep.equal([
      ['searchScripts', 'query'],
      ['checkDraft', 'action'],
    ]);
    // Agents reply in handoff threads without @-mentioning the bot: it may read the team's channel messages.
    expect(manifest).to.nested.include({ 'authorization.permissions.resourceSpecific[0].name': 'ChannelMessage.Read.Group', 'webApplicationInfo.id': values.MICROSOFT_APP_ID });
  });

  it('reports schema errors (an app id that is not a GUID)', async () => {
    const errors = await validateTeamsManifest(buildTeamsManifest({ ...values, TEAMS_APP_ID: 'not-a-guid' }));
    expect(errors.join('\n')).to.match(/id/u);
  });

  it('npm run teams:package builds a zip with the manifest and both icons', async () => {
    const out = join(APP_PACKAGE_DIR, 'build', 'shop-service-desk.zip');
    rmSync(out, { force: true });
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bot/cli/teamsPackage.ts'], {
      cwd: join(APP_PACKAGE_DIR, '..'),
      env: { ...process.env, TEAMS_APP_ID: values.TEAMS_APP_ID, MicrosoftAppId: values.MICROSOFT_APP_ID, BOT_DOMAIN: values.BOT_DOMAIN },
    });
    expect(existsSync(out)).to.equal(true);
    const names = new AdmZip(out).getEntries().map((e) => e.entryName).sort();
    expect(names).to.deep.equal(['color.png', 'manifest.json', 'outline.png']);
  });
});
