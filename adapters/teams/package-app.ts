// `npm run teams:package [-- --app-id <Microsoft App ID>]`: zips the Teams
// app package (manifest and icons) for side-loading, with the bot's app id filled in.
import { crc32 } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('./app-package/', import.meta.url));
const output = fileURLToPath(new URL('./handover-teams-app.zip', import.meta.url));
const APP_ID_PLACEHOLDER = '00000000-0000-0000-0000-000000000000';

/** The manifest.json the package carries: the template with the bot's Microsoft App ID filled in. */
export function teamsAppManifest(appId: string): string {
  return readFileSync(`${folder}manifest.json`, 'utf8').replaceAll(APP_ID_PLACEHOLDER, appId);
}

function packageApp(): void {
  const appIdAt = process.argv.indexOf('--app-id');
  const appId = appIdAt >= 0 ? process.argv[appIdAt + 1] : process.env.MicrosoftAppId;
  if (!appId || !/^[0-9a-f-]{36}$/i.test(appId)) {
    console.error('teams:package: give the bot\'s Microsoft App ID (a GUID) with --app-id or MicrosoftAppId');
    process.exit(2);
  }
  const files: Array<[string, Buffer]> = [
    ['manifest.json', Buffer.from(teamsAppManifest(appId))],
    ['color.png', readFileSync(`${folder}color.png`)],
    ['outline.png', readFileSync(`${folder}outline.png`)],
  ];
  writeFileSync(output, zipStored(files));
  console.log(`wrote ${output}`);
}

// run as a script (npm run teams:package), not when a test imports the manifest
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) packageApp();

/** A zip with stored (uncompressed) entries: all Teams needs, no dependency. */
function zipStored(entries: Array<[string, Buffer]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name);
    const checksum = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
