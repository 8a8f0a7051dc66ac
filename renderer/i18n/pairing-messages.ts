import { defineMessages } from './define';

/** Pairing safety, under the `pairing` key: the re-pairing prompt, the plain-http warning, the launcher link. */
export default defineMessages(
  {
    repair: {
      title: 'Pair this terminal with another endpoint?',
      intro:
        'A pairing link asks this terminal to work for another endpoint, organisation or site. Its sales, receipts and counts would then go there. It stays paired as it is unless you confirm.',
      notYou: 'If you did not open this link on purpose, keep the current pairing.',
      current: 'Paired now',
      proposed: 'The link would pair with',
      endpoint: 'Endpoint URL',
      site: 'Site',
      organisation: 'Organisation',
      sameOrganisation: 'the same organisation',
      otherOrganisation: 'another organisation ({{orgId}})',
      keep: 'Keep the current pairing',
      confirm: 'Pair with this endpoint',
      kept: 'The current pairing was kept',
      switched: 'Now paired with site {{site}}',
    },
    cleartext:
      'This endpoint is reached over plain http:// on another computer: the terminal token and every record cross the network unencrypted, readable by anyone on it. Use https:// unless the network is entirely your own.',
    launcherCode: {
      'pairing-code-used':
        'The one-time pairing link from npm start had already been used by another window. If that was not you, stop npm start and check who else can use this computer.',
      'pairing-code-expired':
        'The one-time pairing link from npm start has expired (it works once, for one minute). Run npm start again, or pair in Settings with a token from launcher.json.',
      'pairing-code-unknown':
        'This pairing link is not from the npm start that is running (it was restarted). Run npm start again, or pair in Settings with a token from launcher.json.',
      unreachable: 'The pairing link could not be exchanged with the local endpoint. Run npm start again.',
      unexpected: 'The local endpoint did not answer the pairing link as expected. Run npm start again.',
    },
  },
  {
    repair: {
      title: '将本终端配对到另一个同步服务？',
      intro:
        '一个配对链接要求本终端改为另一个同步服务、组织或站点工作，之后本终端的销售、收货和盘点都会发往那里。除非您确认，本终端保持当前配对。',
      notYou: '如果这个链接不是您有意打开的，请保持当前配对。',
      current: '当前配对',
      proposed: '链接将配对到',
      endpoint: '服务地址',
      site: '站点',
      organisation: '组织',
      sameOrganisation: '同一组织',
      otherOrganisation: '另一个组织（{{orgId}}）',
      keep: '保持当前配对',
      confirm: '配对到此服务',
      kept: '已保持当前配对',
      switched: '已与站点 {{site}} 配对',
    },
    cleartext:
      '此同步服务位于另一台计算机，且通过未加密的 http:// 连接：终端令牌和所有记录都以明文在网络上传输，网络上的任何人都能读取。除非该网络完全由您掌控，请使用 https://。',
    launcherCode: {
      'pairing-code-used':
        'npm start 给出的一次性配对链接已被另一个窗口使用。如果不是您本人，请停止 npm start，并检查还有谁能使用这台计算机。',
      'pairing-code-expired':
        'npm start 给出的一次性配对链接已过期（只能使用一次，一分钟内有效）。请重新运行 npm start，或在“设置”中用 launcher.json 里的令牌配对。',
      'pairing-code-unknown':
        '此配对链接不属于正在运行的 npm start（它已重启）。请重新运行 npm start，或在“设置”中用 launcher.json 里的令牌配对。',
      unreachable: '无法与本机同步服务兑换配对链接。请重新运行 npm start。',
      unexpected: '本机同步服务对配对链接的应答异常。请重新运行 npm start。',
    },
  },
);
