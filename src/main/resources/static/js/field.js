/*
 * 手机上报 (/m): files a ticket or a joint case through /api/field/…, then uploads its photos one by one to
 * /api/cases/{key}/attachments; lists 我的上报 from /api/cases?scope=raised. Plain script, no library: the page
 * must load on a slow connection. Photos are made smaller here (longest side 1600 px, JPEG 0.8), which also drops
 * what the camera wrote into the file (the position among it). A filing carries an id made here once per filing:
 * a second tap or a retry after a lost answer gets the same case back, never a second one.
 */
(function () {
  'use strict';

  var MAX_PHOTOS = 9;
  var LONGEST_SIDE = 1600;
  var QUALITY = 0.8;
  var LIGHTS = {GREEN: '正常', YELLOW: '临期', RED: '逾期'};
  var UPLOAD_ERRORS = {
    file_too_large: '照片超过 10 MB，未上传',
    unsupported_type: '不是可上传的图片，未上传'
  };

  function $(id) {
    return document.getElementById(id);
  }

  function requestId() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
  }

  function show(el, text) {
    el.textContent = text;
    el.hidden = false;
  }

  // ---- tabs ----
  var tabs = document.querySelectorAll('[role=tab]');
  Array.prototype.forEach.call(tabs, function (tab) {
    tab.addEventListener('click', function () {
      Array.prototype.forEach.call(tabs, function (t) {
        var on = t === tab;
        t.setAttribute('aria-selected', on ? 'true' : 'false');
        $(t.getAttribute('aria-controls')).hidden = !on;
      });
      if (tab.id === 'tab-mine') {
        loadMine();
      }
    });
  });

  // ---- WGS-84 → GCJ-02, for the map link only (the case keeps WGS-84): the published conversion ----
  function gcj02(lat, lon) {
    if (lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271) {
      return [lat, lon];
    }
    var a = 6378245.0, ee = 0.00669342162296594323, pi = Math.PI;
    var x = lon - 105.0, y = lat - 35.0;
    var dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
      + (20.0 * Math.sin(6.0 * x * pi) + 20.0 * Math.sin(2.0 * x * pi)) * 2.0 / 3.0
      + (20.0 * Math.sin(y * pi) + 40.0 * Math.sin(y / 3.0 * pi)) * 2.0 / 3.0
      + (160.0 * Math.sin(y / 12.0 * pi) + 320 * Math.sin(y * pi / 30.0)) * 2.0 / 3.0;
    var dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
      + (20.0 * Math.sin(6.0 * x * pi) + 20.0 * Math.sin(2.0 * x * pi)) * 2.0 / 3.0
      + (20.0 * Math.sin(x * pi) + 40.0 * Math.sin(x / 3.0 * pi)) * 2.0 / 3.0
      + (150.0 * Math.sin(x / 12.0 * pi) + 300.0 * Math.sin(x / 30.0 * pi)) * 2.0 / 3.0;
    var radLat = lat / 180.0 * pi;
    var magic = 1 - ee * Math.sin(radLat) * Math.sin(radLat);
    var sqrtMagic = Math.sqrt(magic);
    dLat = (dLat * 180.0) / ((a * (1 - ee)) / (magic * sqrtMagic) * pi);
    dLon = (dLon * 180.0) / (a / sqrtMagic * Math.cos(radLat) * pi);
    return [lat + dLat, lon + dLon];
  }

  // ---- photos: made smaller in the browser (canvas), shown as small thumbnails ----
  function decode(file) {
    if (window.createImageBitmap) {
      return createImageBitmap(file, {imageOrientation: 'from-image'});
    }
    // the page's security policy allows data: images, not blob: ones
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () {
        var img = new Image();
        img.onload = function () { resolve(img); };
        img.onerror = reject;
        img.src = reader.result;
      };
      reader.onerror = reject;
      reader.readAsDataURL(file);
    });
  }

  function draw(image, longest) {
    var w = image.naturalWidth || image.width, h = image.naturalHeight || image.height;
    var scale = Math.min(1, longest / Math.max(w, h));
    var canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(w * scale));
    canvas.height = Math.max(1, Math.round(h * scale));
    canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas;
  }

  function shrink(file) {
    return decode(file).then(function (image) {
      var big = draw(image, LONGEST_SIDE);
      var thumb = draw(image, 240).toDataURL('image/jpeg', 0.7);
      return new Promise(function (resolve, reject) {
        big.toBlob(function (blob) {
          if (blob) {
            resolve({blob: blob, thumb: thumb});
          } else {
            reject(new Error('toBlob'));
          }
        }, 'image/jpeg', QUALITY);
      });
    });
  }

  // ---- one form: ticket or case ----
  function Filing(kind, url, body) {
    var state = {id: requestId(), lat: null, lon: null, photos: [], key: null};
    var form = $(kind + 'Form');
    var error = $(kind + 'Error');
    var submit = $(kind + 'Submit');

    function fail(text) {
      show(error, text);
    }

    // position
    $(kind + 'Locate').addEventListener('click', function () {
      var shown = $(kind + 'Position');
      if (!navigator.geolocation) {
        shown.textContent = '此浏览器不能定位，可在“具体位置”中写明';
        return;
      }
      shown.textContent = '定位中…';
      navigator.geolocation.getCurrentPosition(function (p) {
        state.lat = p.coords.latitude;
        state.lon = p.coords.longitude;
        shown.textContent = '已定位（精度约 ' + Math.round(p.coords.accuracy) + ' 米）';
        var g = gcj02(state.lat, state.lon);
        var link = $(kind + 'Map');
        link.href = 'https://uri.amap.com/marker?position=' + g[1].toFixed(6) + ',' + g[0].toFixed(6)
          + '&name=' + encodeURIComponent('上报位置') + '&coordinate=gaode&callnative=0';
        link.hidden = false;
      }, function (e) {
        shown.textContent = e.code === 1 ? '未允许定位：请在浏览器设置中允许本页使用位置'
          : e.code === 3 ? '定位超时，请到开阔处再试' : '暂时无法定位，可在“具体位置”中写明';
      }, {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000});
    });

    // photos
    var list = $(kind + 'PhotoList');
    function photoStatus(p, text, bad) {
      p.status.textContent = text;
      p.status.className = bad ? 'bad' : '';
    }
    function addPhotos(files) {
      error.hidden = true;
      var room = MAX_PHOTOS - state.photos.length;
      if (files.length > room) {
        fail('最多 ' + MAX_PHOTOS + ' 张照片，多出的 ' + (files.length - Math.max(room, 0)) + ' 张未加入');
      }
      Array.prototype.slice.call(files, 0, Math.max(room, 0)).forEach(function (file) {
        var li = document.createElement('li');
        var p = {li: li, blob: null, status: document.createElement('div'), state: 'shrinking',
          name: '现场照片' + (state.photos.length + 1) + '.jpg'};
        state.photos.push(p);
        li.appendChild(p.status);
        list.appendChild(li);
        photoStatus(p, '处理中…');
        shrink(file).then(function (s) {
          p.blob = s.blob;
          p.state = 'ready';
          var img = document.createElement('img');
          img.src = s.thumb;
          img.alt = '照片';
          li.insertBefore(img, p.status);
          photoStatus(p, state.key ? '待上传' : Math.round(s.blob.size / 1024) + ' KB');
          var remove = document.createElement('button');
          remove.type = 'button';
          remove.textContent = '删除';
          remove.addEventListener('click', function () {
            if (state.key) {
              return;
            }
            state.photos.splice(state.photos.indexOf(p), 1);
            li.remove();
          });
          p.remove = remove;
          li.appendChild(remove);
          if (state.key) {
            uploadAll();
          }
        }).catch(function () {
          p.state = 'broken';
          photoStatus(p, '无法读取这张照片', true);
        });
      });
    }
    [kind + 'Camera', kind + 'Photos'].forEach(function (id) {
      $(id).addEventListener('change', function (e) {
        addPhotos(e.target.files);
        e.target.value = '';
      });
    });

    function upload(p) {
      return new Promise(function (resolve) {
        p.state = 'uploading';
        if (p.retry) {
          p.retry.remove();
          p.retry = null;
        }
        photoStatus(p, '上传中 0%');
        var data = new FormData();
        data.append('file', p.blob, p.name);
        var x = new XMLHttpRequest();
        x.open('POST', '/api/cases/' + encodeURIComponent(state.key) + '/attachments');
        x.setRequestHeader('Accept', 'application/json');
        x.upload.onprogress = function (e) {
          if (e.lengthComputable) {
            photoStatus(p, '上传中 ' + Math.round(e.loaded * 100 / e.total) + '%');
          }
        };
        function failed(text) {
          p.state = 'failed';
          photoStatus(p, text, true);
          var retry = document.createElement('button');
          retry.type = 'button';
          retry.textContent = '重试';
          retry.addEventListener('click', function () {
            upload(p).then(summary);
          });
          p.retry = retry;
          p.li.appendChild(retry);
          resolve();
        }
        x.onload = function () {
          if (x.status === 201) {
            p.state = 'done';
            photoStatus(p, '已上传');
            resolve();
            return;
          }
          var answer = {};
          try {
            answer = JSON.parse(x.responseText);
          } catch (ignored) {
            // not the error body: the sentence below
          }
          failed(x.status === 401 ? '登录已过期，请重新登录后重试'
            : UPLOAD_ERRORS[answer.error] || answer.message || '上传失败，请重试');
        };
        x.onerror = function () {
          failed('网络中断，上传失败，请重试');
        };
        x.send(data);
      });
    }

    function uploadAll() {
      var waiting = state.photos.filter(function (p) { return p.state === 'ready'; });
      return waiting.reduce(function (chain, p) {
        return chain.then(function () { return upload(p); });
      }, Promise.resolve()).then(summary);
    }

    function summary() {
      var photos = state.photos.filter(function (p) { return p.state !== 'broken'; });
      var done = photos.filter(function (p) { return p.state === 'done'; }).length;
      var failedCount = photos.filter(function (p) { return p.state === 'failed'; }).length;
      var text = $(kind + 'DoneText');
      var line = text.querySelector('.photos-line') || text.appendChild(document.createElement('div'));
      line.className = 'photos-line';
      line.textContent = !photos.length ? '' : failedCount
        ? '照片已上传 ' + done + ' 张，' + failedCount + ' 张未上传：点照片下的“重试”'
        : done === photos.length ? '照片已全部上传（' + done + ' 张）' : '照片上传中…';
    }

    function filed(key) {
      state.key = key;
      error.hidden = true;
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.type !== 'file') {
          el.disabled = true;
        }
      });
      state.photos.forEach(function (p) {
        if (p.remove) {
          p.remove.remove();
        }
        if (p.state === 'ready') {
          photoStatus(p, '待上传');
        }
      });
      submit.hidden = true;
      var text = $(kind + 'DoneText');
      text.textContent = '';
      text.appendChild(document.createTextNode('已上报，编号 '));
      var link = document.createElement('a');
      link.href = '/cases/' + encodeURIComponent(key);
      link.textContent = key;
      text.appendChild(link);
      $(kind + 'Done').hidden = false;
      uploadAll();
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (state.key) {
        return;
      }
      error.hidden = true;
      var b = body();
      if (typeof b === 'string') {
        fail(b);
        return;
      }
      if (state.lat !== null) {
        b.lat = state.lat;
        b.lon = state.lon;
      }
      b.requestId = state.id;
      submit.disabled = true;
      submit.textContent = '提交中…';
      var label = kind === 'ticket' ? '提交点单' : '提交立案';
      fetch(url, {
        method: 'POST', credentials: 'same-origin',
        headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
        body: JSON.stringify(b)
      }).then(function (r) {
        if (r.status === 401) {
          throw {message: '登录已过期，请重新登录后再提交'};
        }
        return r.json().then(function (answer) {
          if (!r.ok) {
            throw {message: answer.message || '未能提交，请稍后再试'};
          }
          filed(answer.businessKey);
        });
      }).catch(function (problem) {
        // a lost answer may have filed it: the same id again returns that filing, never a second one
        fail(problem && problem.message && !(problem instanceof Error) ? problem.message
          : '网络不稳，未能确认是否已提交。请再点一次提交，不会重复上报');
        submit.disabled = false;
        submit.textContent = label;
      });
    });

    $(kind + 'Again').addEventListener('click', function () {
      location.reload();
    });
  }

  // ---- the ticket: search the responsibility list (every active item is in the page) as one types ----
  var chosenItem = null;
  var search = $('itemSearch');
  var matches = $('itemMatches');
  var options = Array.prototype.slice.call(matches.querySelectorAll('button'));
  function filter(words) {
    var shown = 0;
    options.forEach(function (b) {
      var text = (b.textContent + ' ' + b.getAttribute('data-code')).toLowerCase();
      var hit = words.length > 0 && shown < 30 && words.every(function (w) { return text.indexOf(w) >= 0; });
      b.parentNode.hidden = !hit;
      shown += hit ? 1 : 0;
    });
    $('itemNone').hidden = !words.length || shown > 0;
    matches.hidden = !words.length;
  }
  search.addEventListener('input', function () {
    filter(search.value.trim().toLowerCase().split(/\s+/).filter(Boolean));
  });
  options.forEach(function (b) {
    b.addEventListener('click', function () {
      chosenItem = b.getAttribute('data-code');
      $('itemChosen').textContent = '已选：' + b.textContent;
      search.value = '';
      filter([]);
    });
  });

  Filing('ticket', '/api/field/tickets', function () {
    var description = $('ticketDescription').value.trim();
    if (!description) {
      return '请填写问题描述';
    }
    return {itemCode: chosenItem, description: description,
      location: $('ticketLocation').value.trim() || null,
      reporterPhone: $('ticketReporterPhone').value.trim() || null};
  });

  if ($('caseForm')) {
    Filing('case', '/api/field/cases', function () {
      var households = $('caseHouseholds').value.trim();
      var missing = [];
      if (!$('caseTitle').value.trim()) {
        missing.push('事项标题');
      }
      if (!$('caseDescription').value.trim()) {
        missing.push('问题描述');
      }
      if (!$('caseCategory').value) {
        missing.push('问题类别');
      }
      if (!/^\d+$/.test(households)) {
        missing.push('受影响户数（整数）');
      }
      if (missing.length) {
        return '请填写' + missing.join('、');
      }
      return {title: $('caseTitle').value.trim(), description: $('caseDescription').value.trim(),
        category: $('caseCategory').value, location: $('caseLocation').value.trim() || null,
        households: Number(households), multiDepartment: $('caseMultiDepartment').checked,
        safetyRisk: $('caseSafetyRisk').checked,
        reporterPhone: $('caseReporterPhone').value.trim() || null};
    });
  }

  // ---- 我的上报 ----
  function loadMine() {
    var list = $('mineList');
    var error = $('mineError');
    error.hidden = true;
    fetch('/api/cases?scope=raised&size=30', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) {
        if (!r.ok) {
          throw new Error(String(r.status));
        }
        return r.json();
      }).then(function (cases) {
        list.textContent = '';
        $('mineEmpty').hidden = cases.length > 0;
        cases.forEach(function (c) {
          var li = document.createElement('li');
          var top = document.createElement('div');
          top.className = 'top';
          var link = document.createElement('a');
          link.href = '/cases/' + encodeURIComponent(c.businessKey);
          link.textContent = c.businessKey;
          top.appendChild(link);
          var kind = document.createElement('span');
          kind.textContent = c.process === 'ticket' ? '工单' : '联席汇办';
          top.appendChild(kind);
          li.appendChild(top);
          var title = document.createElement('div');
          title.textContent = c.title || '';
          li.appendChild(title);
          var state = document.createElement('div');
          state.className = 'top';
          var label = document.createElement('span');
          label.className = 'status';
          label.textContent = c.statusLabel || '';
          state.appendChild(label);
          var light = document.createElement('span');
          if (c.timeLight) {
            light.className = 'light ' + c.timeLight;
            light.textContent = LIGHTS[c.timeLight] + (c.dueAt ? ' · 期限 ' + c.dueAt.slice(0, 16).replace('T', ' ') : '');
          }
          state.appendChild(light);
          li.appendChild(state);
          list.appendChild(li);
        });
      }).catch(function () {
        show(error, '暂时无法读取我的上报，请稍后再试');
      });
  }
})();
