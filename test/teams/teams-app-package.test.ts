import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const folder = 'adapters/teams/app-package';

function pngSize(path: string) {
  const png = readFileSync(path);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('Teams app package', () => {
  it('declares the bot, its commands, the channel-message permission and both icons', () => {
    const manifest = JSON.parse(readFileSync(`${folder}/manifest.json`, 'utf8'));
    const commands = manifest.bots[0].commandLists[0].commands.map((command: { title: string }) => command.title);
    expect(commands).toEqual(expect.arrayContaining(['help', 'status', 'subscribe', 'on', 'off', 'labs', 'rules', 'available', 'notify']));
    expect(manifest.authorization.permissions.resourceSpecific).toContainEqual({ name: 'ChannelMessage.Read.Group', type: 'Application' });
    expect(pngSize(`${folder}/color.png`)).toEqual([192, 192]);
    expect(pngSize(`${folder}/outline.png`)).toEqual([32, 32]);
  });

  it('is zipped with the app id filled in, and refuses a missing id', () => {
    const ok = spawnSync(process.execPath, ['--import', 'tsx', 'adapters/teams/package-app.ts', '--app-id', '11111111-2222-3333-4444-555555555555'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const zip = readFileSync('adapters/teams/handover-teams-app.zip');
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.includes(Buffer.from('11111111-2222-3333-4444-555555555555'))).toBe(true);
    const missing = spawnSync(process.execPath, ['--import', 'tsx', 'adapters/teams/package-app.ts'], { encoding: 'utf8', env: { ...process.env, MicrosoftAppId: '' } });
    expect(missing.status).toBe(2);
  });
});
