// The customer chat page: Microsoft's Web Chat talking to this bot's own Direct Line endpoint.
(function () {
  'use strict';
  var TEXT = {
    'zh-CN': {
      title: '在线客服',
      subtitle: '智能客服 24 小时在线 · 人工客服 9:00-24:00',
      placeholder: '请输入您的问题,例如:退款多久到账',
      failed: '暂时连不上客服,请稍后刷新页面再试。',
    },
    'en-US': {
      title: 'Customer service',
      subtitle: '24/7 assistant · people 09:00-24:00 (UTC+8)',
      placeholder: 'Ask a question, e.g. how long does a refund take',
      failed: 'We cannot reach customer service right now. Please refresh the page in a moment.',
    },
  };
  var params = new URLSearchParams(location.search);
  var asked = params.get('lang');
  var locale = asked === 'en-US' || asked === 'zh-CN' ? asked : /^zh/i.test(navigator.language || '') ? 'zh-CN' : 'en-US';
  var text = TEXT[locale];
  document.documentElement.lang = locale;
  document.title = text.title;
  document.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = text[el.getAttribute('data-i18n')]; });
  document.querySelectorAll('[data-lang]').forEach(function (el) {
    el.setAttribute('aria-current', String(el.getAttribute('data-lang') === locale));
  });

  var KEY = 'shop-chat-session';
  function savedSession() {
    try {
      var s = JSON.parse(sessionStorage.getItem(KEY) || 'null');
      return s && s.expiresAt > Date.now() + 60000 ? s : null;
    } catch {
      return null;
    }
  }

  function newSession() {
    return fetch('/api/chat/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ locale: locale }),
    }).then(function (res) {
      if (!res.ok) throw new Error('token ' + res.status);
      return res.json();
    }).then(function (t) {
      var s = { token: t.token, conversationId: t.conversationId, userId: t.userId, expiresAt: Date.now() + t.expiresIn * 1000, fresh: true };
      sessionStorage.setItem(KEY, JSON.stringify(s));
      return s;
    });
  }

  var CJK_FONTS = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei'";
  var LATIN_FONTS = "system-ui, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
  var FONTS = LATIN_FONTS.replace(', sans-serif', '') + ', ' + CJK_FONTS + ', sans-serif';
  document.documentElement.style.fontFamily = FONTS;
  var styleOptions = {
    accent: '#e4393c',
    backgroundColor: '#ffffff',
    bubbleBackground: '#f3f4f6',
    bubbleBorderRadius: 12,
    bubbleBorderWidth: 0,
    bubbleFromUserBackground: '#e4393c',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderRadius: 12,
    bubbleFromUserBorderWidth: 0,
    botAvatarInitials: '客',
    botAvatarBackgroundColor: '#e4393c',
    userAvatarInitials: locale === 'zh-CN' ? '我' : 'Me',
    hideUploadButton: true,
    sendBoxTextWrap: true,
    suggestedActionLayout: 'flow',
    suggestedActionBorderRadius: 16,
    suggestedActionBackgroundColor: '#fff',
    suggestedActionBorderColor: '#e4393c',
    suggestedActionTextColor: '#e4393c',
    // Latin fonts first: in a CJK font, English gets full-width punctuation ("I’ m"); Chinese
    // characters fall back to the CJK fonts either way.
    primaryFont: FONTS,
  };

  var session = savedSession();
  (session ? Promise.resolve(session) : newSession())
    .then(function (s) {
      var options = { domain: location.origin + '/v3/directline', token: s.token, webSocket: true };
      // A page refresh resumes the same conversation (the transcript is replayed).
      if (!s.fresh) options.conversationId = s.conversationId;
      var directLine = window.WebChat.createDirectLine(options);
      window.WebChat.renderWebChat(
        { directLine: directLine, userID: s.userId, locale: locale, styleOptions: styleOptions, overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: text.placeholder } },
        document.getElementById('webchat'),
      );
      s.fresh = false;
      sessionStorage.setItem(KEY, JSON.stringify(s));
    })
    .catch(function () {
      var error = document.getElementById('chat-error');
      error.textContent = text.failed;
      error.hidden = false;
    });
})();
