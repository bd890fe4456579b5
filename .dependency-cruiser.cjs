// The layering of Handover, checked by `npm run lint:layers` (part of `npm test`).
// README "Layout" explains it; this file is the source of truth.
const PLATFORM_ADAPTERS = ['slack', 'teams', 'webchat', 'webhook', 'email'];

module.exports = {
  forbidden: [
    {
      name: 'domain-not-to-outside',
      comment: 'The domain (src/) knows nothing of adapters, jobs or build tools: it talks to them through its ports (src/ports/).',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(adapters|jobs|tools|bench|eval|test)/' },
    },
    {
      name: 'domain-not-to-frameworks',
      comment: 'The domain imports no web, chat-platform, scheduler or database framework.',
      severity: 'error',
      from: { path: '^src/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        path: 'node_modules/(mongoose|mongodb|express|@slack/|botbuilder|botframework-|agenda|@agendajs/|undici|helmet|cors|express-rate-limit|prom-client|nodemailer|openai)',
      },
    },
    ...PLATFORM_ADAPTERS.map((platform) => ({
      name: `${platform}-adapter-alone`,
      comment: `A platform adapter talks to the domain, never to another platform's adapter or to storage.`,
      severity: 'error',
      from: { path: `^adapters/${platform}/` },
      to: { path: `^adapters/(${PLATFORM_ADAPTERS.filter((other) => other !== platform).join('|')}|mongo)/` },
    })),
    {
      name: 'database-only-in-storage-adapter',
      comment: 'MongoDB code lives in the storage adapter (adapters/mongo); Agenda is handed its Db there too.',
      severity: 'error',
      from: { path: '^(src|adapters|jobs)/', pathNot: '^(adapters/mongo/|jobs/agenda-scheduler\\.ts$)' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-no-pkg', 'npm-unknown'], path: 'node_modules/(mongoose|mongodb)/' },
    },
    {
      name: 'composition-root-on-top',
      comment: 'Only the composition root (adapters/server) wires adapters together; nothing imports it back.',
      severity: 'error',
      from: { path: '^(src|jobs|adapters/(?!server/))' },
      to: { path: '^adapters/server/' },
    },
    {
      name: 'runtime-not-to-tools',
      comment: 'What runs in production never imports build and development tools.',
      severity: 'error',
      from: { path: '^(src|adapters|jobs)/' },
      to: { path: '^tools/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
