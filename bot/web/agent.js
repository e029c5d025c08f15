// The agent console: live queue, accept, chat, suggestions, and the banned-phrase guard as you type.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var session = JSON.parse(sessionStorage.getItem('agent-session') || 'null');
  var current = null; // the open conversation id
  var checkTimer = null;

  function api(path, options) {
    options = options || {};
    return fetch(path, {
      method: options.method || 'GET',
      headers: { authorization: 'Bearer ' + session.token, 'content-type': 'application/json' },
      body: options.body ? JSON.stringify(options.body) : undefined,
    }).then(function (res) {
      return res.text().then(function (text) {
        var data = text ? JSON.parse(text) : {};
        if (!res.ok) { var err = new Error((data.error && data.error.message) || res.statusText); err.status = res.status; err.body = data; throw err; }
        return data;
      });
    });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'onclick') node.addEventListener('click', attrs[k]);
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }

  var teamsUserId = null;

  function showLogin() {
    $('login').hidden = false;
    $('login').addEventListener('submit', function (e) {
      e.preventDefault();
      var token = $('login-token').value.trim();
      var name = $('login-name').value.trim();
      // Inside Teams the agent is the Teams user, the same id the bot gives them in a handoff thread.
      var agentId = teamsUserId ? 'teams-' + teamsUserId : 'web-' + name.toLowerCase().replace(/\s+/g, '-');
      session = { token: token, name: name, agentId: agentId };
      api('/api/agent/queue').then(function () {
        sessionStorage.setItem('agent-session', JSON.stringify(session));
        $('login').hidden = true;
        start();
      }, function () {
        $('login-error').textContent = 'That token was not accepted.';
        $('login-error').hidden = false;
      });
    });
  }

  function renderQueue(items) {
    var list = $('queue-list');
    list.textContent = '';
    items.forEach(function (item) {
      var mine = item.status === 'active' && item.agentId === session.agentId;
      var badges = [el('span', { class: 'badge ' + item.priority, text: item.priority })].concat(
        item.reasons.map(function (r) { return el('span', { class: 'badge', text: r }); }),
      );
      var action = item.status === 'waiting'
        ? el('button', { text: 'Accept', 'data-accept': item.conversationId, onclick: function () { accept(item.conversationId); } })
        : mine
          ? el('button', { class: 'secondary', text: 'Open', onclick: function () { open(item.conversationId); } })
          : el('small', { text: 'with ' + (item.agentName || item.agentId) });
      list.appendChild(el('li', { class: item.conversationId === current ? 'selected' : '', 'data-conversation': item.conversationId }, [
        el('strong', { text: item.customer.name + ' · ' + item.customer.tier }),
        el('div', {}, badges),
        action,
      ]));
    });
  }

  function refreshQueue() { return api('/api/agent/queue').then(function (q) { renderQueue(q.items); }); }

  function accept(id) {
    api('/api/agent/conversations/' + encodeURIComponent(id) + '/accept', { method: 'POST', body: { agentId: session.agentId, agentName: session.name } })
      .then(function () { return open(id); })
      .catch(function (err) { alert(err.message); refreshQueue(); });
  }

  function open(id) {
    current = id;
    return api('/api/agent/conversations/' + encodeURIComponent(id)).then(function (view) {
      $('chat-header').textContent = view.customer.name + ' (' + view.customer.tier + ') — ' + view.reasons.join(', ') + (view.ticket ? ' — ticket ' + view.ticket.id : '');
      var list = $('transcript');
      list.textContent = '';
      view.transcript.forEach(addMessage);
      renderSuggestions(view.suggestions || []);
      $('reply').hidden = !(view.status === 'active' && view.agentId === session.agentId);
      refreshQueue();
    });
  }

  function addMessage(m) {
    var list = $('transcript');
    list.appendChild(el('li', { class: m.role }, [el('small', { text: m.role }), document.createTextNode(m.text)]));
    list.scrollTop = list.scrollHeight;
  }

  function renderSuggestions(suggestions) {
    var box = $('suggestions');
    box.textContent = '';
    suggestions.forEach(function (s) {
      box.appendChild(el('button', { type: 'button', class: 'suggestion', title: s.source, text: s.text, onclick: function () { setText(s.text); } }));
    });
  }

  function setText(text) { $('reply-text').value = text; checkDraft(); $('reply-text').focus(); }

  function escapeHtml(s) { return s.replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }

  function highlight(text, violations) {
    var html = '';
    var at = 0;
    violations.slice().sort(function (a, b) { return a.start - b.start; }).forEach(function (v) {
      if (v.start < at) return;
      html += escapeHtml(text.slice(at, v.start)) + '<mark title="' + escapeHtml(v.suggestion) + '">' + escapeHtml(text.slice(v.start, v.end)) + '</mark>';
      at = v.end;
    });
    $('highlight').innerHTML = html + escapeHtml(text.slice(at)) + '\n';
  }

  function checkDraft() {
    clearTimeout(checkTimer);
    var text = $('reply-text').value;
    checkTimer = setTimeout(function () {
      if (!text) { highlight('', []); $('warning').hidden = true; return; }
      api('/api/assist/check', { method: 'POST', body: { text: text } }).then(function (r) {
        if ($('reply-text').value !== text) return;
        highlight(text, r.violations);
        if (r.ok) { $('warning').hidden = true; return; }
        showWarning(r.violations, null);
      });
    }, 200);
  }

  function showWarning(violations, rewrite) {
    var box = $('warning');
    box.textContent = '';
    box.appendChild(el('strong', { text: rewrite ? 'Not sent: this reply contains phrases agents must not use.' : 'Careful: this reply contains phrases agents must not use.' }));
    violations.forEach(function (v) {
      box.appendChild(el('div', { class: 'violation', text: '“' + v.phrase + '” (' + v.category + ') → try: ' + v.suggestion }));
    });
    if (rewrite) {
      box.appendChild(el('div', { class: 'actions' }, [
        el('button', { type: 'button', text: 'Send suggestion', onclick: function () { send(rewrite, false); } }),
        el('button', { type: 'button', class: 'secondary', text: 'Send anyway', onclick: function () { send($('reply-text').value, true); } }),
      ]));
    }
    box.hidden = false;
  }

  function send(text, force) {
    if (!current || !text.trim()) return;
    api('/api/agent/conversations/' + encodeURIComponent(current) + '/messages', { method: 'POST', body: { agentId: session.agentId, text: text, force: force } })
      .then(function () { $('reply-text').value = ''; highlight('', []); $('warning').hidden = true; })
      .catch(function (err) {
        if (err.status === 422) showWarning(err.body.error.details.violations, err.body.error.details.rewrite);
        else alert(err.message);
      });
  }

  function start() {
    $('console').hidden = false;
    $('me').textContent = session.name;
    refreshQueue();
    var events = new EventSource('/api/agent/events?access_token=' + encodeURIComponent(session.token));
    events.addEventListener('queue', refreshQueue);
    events.addEventListener('status', refreshQueue);
    events.addEventListener('message', function (e) {
      var m = JSON.parse(e.data);
      if (m.conversationId !== current) return;
      addMessage(m);
      if (m.role === 'customer') open(current);
    });
    $('reply-text').addEventListener('input', checkDraft);
    $('reply').addEventListener('submit', function (e) { e.preventDefault(); send($('reply-text').value, false); });
    $('close').addEventListener('click', function () {
      api('/api/agent/conversations/' + encodeURIComponent(current) + '/close', { method: 'POST' }).then(function () { $('reply').hidden = true; refreshQueue(); });
    });
  }

  /**
   * Inside Teams (a static tab) take the agent's name and theme from the Teams context. Outside
   * Teams, app.initialize() rejects at once or, when framed by another page, never settles:
   * race it against a timeout and carry on as a plain web page.
   */
  function teamsContext() {
    var inTeams = /[?&]inTeams=1/.test(location.search) && window.microsoftTeams;
    if (!inTeams) return Promise.resolve(null);
    var timeout = new Promise(function (resolve) { setTimeout(function () { resolve(null); }, 3000); });
    var init = window.microsoftTeams.app.initialize().then(function () { return window.microsoftTeams.app.getContext(); });
    return Promise.race([init, timeout]).catch(function () { return null; });
  }

  teamsContext().then(function (context) {
    if (context) {
      document.body.classList.add('theme-' + ((context.app && context.app.theme) || 'default'));
      var name = context.user && (context.user.displayName || context.user.userPrincipalName);
      if (name) $('login-name').value = name;
      teamsUserId = (context.user && context.user.id) || null;
    }
    if (session) start(); else showLogin();
  });
})();
