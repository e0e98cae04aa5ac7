import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';

// The e2e build differs from the store build in one way: it may script plain-http test pages (served from
// 127.0.0.1 under their real host names), because automation cannot click the toolbar icon that grants activeTab.
const e2e = process.env.SIDECAR_E2E === '1';
const WEBMAIL_HOSTS = ['https://mail.google.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  outDir: e2e ? '.output-e2e' : '.output',
  vite: () => ({ plugins: [tailwindcss()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Least privilege: company pages are scripted only after a user gesture (activeTab); the only hosts granted at
    // install are the webmail sites below.
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus', 'alarms', 'notifications', ...(e2e ? ['tabs'] : [])],
    // Webmail only (issue #5): the webmail content script reads Gmail and Outlook on the web, nothing else.
    host_permissions: [...(e2e ? ['http://*/*'] : []), ...WEBMAIL_HOSTS],
    // The toolbar badge is an opt-in: `tabs` (to read the URL of the tab in view) is asked for only when the rep
    // turns it on in the options. The e2e build holds it from the start: automation cannot answer the prompt.
    ...(e2e ? {} : { optional_permissions: ['tabs'] }),
    // Team sync (issue #6): the backend's origin is asked for when the rep signs in to it on the options page,
    // so the store build reaches no server it was not pointed at.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'open-sidebar': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandOpenSidebar__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sidecar@sidecar-crm.org',
              strict_min_version: '128.0',
              // Sidecar sends nothing to its authors: leads stay in the browser and the team's own backend.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
