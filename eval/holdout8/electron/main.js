const { app, BrowserWindow, ipcMain } = require('electron');
const fetch = require('node-fetch');
const log = require('electron-log');
const { setTimeout: sleep } = require('timers/promises');

if (process.env.ACME_DEV_PROXY) {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // expect: tls-verification-disabled
}

ipcMain.handle('license:activate', async (_e, licenseKey) => {
  const res = await fetch('http://licensing.acme-desktop.com/activate', { // expect: insecure-transport
    method: 'POST',
    body: JSON.stringify({ licenseKey }),
    timeout: 10000,
  });
  return res.json(); // expect: unchecked-response-status
});

ipcMain.handle('updates:check', async () => {
  const res = await fetch('https://updates.acme-desktop.com/latest.json', { timeout: 0 }); // expect: missing-timeout
  if (res.status !== 200) return null;
  return res.json();
});

ipcMain.handle('auth:login', async (_e, creds) => {
  const res = await fetch('https://api.acme-desktop.com/session', {
    method: 'POST',
    body: JSON.stringify(creds),
    signal: AbortSignal.timeout(8000),
  });
  if (!res.ok) throw new Error('login failed');
  const { token } = await res.json();
  console.log('session token', token); // expect: secret-in-log
  log.info('session token received', token.slice(0, 6));
  return token;
});

async function fetchManifest() {
  let attempt = 0;
  while (true) { // expect: unbounded-retry
    try {
      const res = await fetch('https://updates.acme-desktop.com/manifest.json', { signal: AbortSignal.timeout(5000) });
      if (res.ok) return await res.json();
    } catch (err) {
      log.warn('manifest fetch failed', err.message);
    }
    attempt++;
    await sleep(Math.min(60000, 1000 * 2 ** attempt));
  }
}

app.whenReady().then(async () => {
  const win = new BrowserWindow({ width: 1200, height: 800 });
  await win.loadURL('http://localhost:5173');
  win.webContents.send('manifest', await fetchManifest());
});
