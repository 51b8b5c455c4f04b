#!/usr/bin/env python3
"""crash.py - kill nw's writers at each system call of their write path.

usage: crash.py [-f] [-j jobs] [-k stride] [-s match] workdir

Each scenario is one command on a fresh copy of a small network, the
contacts of tests/crash/net (copies of examples/network in varied
styles: ada-lovelace's flow log, sofia-rossi's CRLF, omar-haddad's byte
order mark, charles-babbage's comments in the log, hannah-berg's last
line without a newline, work/grace-hopper in block style in a
subfolder), without git and with git (nw-init -g: autocommit runs git
add and git commit as nw's children).  The cards of cards.vcf are two
new people and one with an email of lena-fischer's (nw-import -u adds
her new phone); those of batch.vcf five new people, created at once (all
written to files with no name yet, synced, then named: safe_create_all).
The fold (nw-mv -m) runs on a copy with tests/crash/fold's ada-king, a
second card of ada-lovelace's that names her, and omar-haddad's via and
tom-okafor's rel naming ada-king.

A clean run under strace records the command's system calls; then one
trial per recorded call kills the command with SIGKILL just before that
call runs:

    strace -o /dev/null -e inject=X:signal=KILL:when=N command

(when= counts the calls named X only, hence one trial per name and
occurrence).  Every call from the first to exit_group is a trial but the
first execve, which strace sees only once it is done.  strace follows nw
alone, not its children, as kill -9 would: a git that nw started runs to
its end, and the trial waits for every process it started (they all
hold one end of a pipe) before it looks.  nw-merge is killed both on
copies of files, as git runs it, and as the driver of a real git merge.

After each kill it counts the trials that left something wrong:

  torn         a file outside .git and .nw that is neither its version
               before the command nor the one after a clean run of it,
               or is gone (nw-check passes both versions);
  stale locks  .nw/lock held (flock -n), a *.lock left in .git, or a
               next command, timeout 10 nw-log -k note -m after ID, that
               blocks;
  strays       a new file outside .nw but what the clean run creates, or
               another '??' in git status --porcelain;
  blocked      a next command that fails or says something, or whose
               autocommit leaves the files it touched uncommitted (after
               a killed merge driver, first git merge --abort and the
               merge again);
  unfinished   for a command that a rerun finishes (nw-mv: the same
               rename again while the old file is there; nw-mv -m: the
               same fold), an nw-check before it that finds more than
               the rename or the fold cut short (a via naming no one), a
               rerun that fails, or files that are not then those of the
               clean run; for the fold also, said on their own, an entry
               of either contact's log not in the kept one, an entry
               there twice, a file that is no YAML mapping, a reference
               to the old id left, and with git a change the rerun left
               uncommitted; with git, a contact removed and not
               committed that nw-check does not name.

A file left in .nw/tmp is allowed (git and the scans never look there);
three tests check that a later write removes it once stale, not before.

Output is TAP: a line per scenario with its counts, a '#' line per
problem (the call killed, its number in the trace, what was left), and
last a summary line.  With -f, every call of every scenario (make crash);
else a sample of the write path proper, from the opening of .nw/lock (or
of the files to merge) on: every call of the first scenario, and of the
others each fsync, rename, link, unlink, wait4 and exit_group (the
temporary file full, the file put in place, each git done, the end),
and every k-th call with -k.
"""

import fcntl
import multiprocessing
import os
import re
import select
import shlex
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, 'net')
CARDS = os.path.join(HERE, 'cards.vcf')
BATCH = os.path.join(HERE, 'batch.vcf')
FOLD = os.path.join(HERE, 'fold')
MAIL = os.path.join(HERE, 'mail')
# the temporary file full, the file in place (fsync, then rename or link
# and the folder's fsync; for a batch of new files syncfs and linkat or
# renameat2), each git done, the end
KEY_CALLS = {'fsync', 'rename', 'link', 'unlink', 'wait4', 'exit_group',
             'syncfs', 'renameat2', 'linkat'}
KINDS = ('torn', 'stale locks', 'strays', 'blocked', 'unfinished')
SHOW = 3       # problems shown per kind and scenario


def run(argv, cwd=None, env=None, timeout=60):
    return subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=timeout)


def bail(why):
    print('Bail out! %s' % why)
    sys.exit(1)


def must(argv, cwd=None, env=None):
    p = run(argv, cwd=cwd, env=env)
    if p.returncode != 0:
        bail('%s: exit %d: %s' % (' '.join(argv), p.returncode,
             p.stderr.decode(errors='replace').strip()))
    return p


def on_day(day):
    return dict(os.environ, NW_TODAY=day)


def copy(src, dst):
    if os.path.lexists(dst):
        shutil.rmtree(dst)
    shutil.copytree(src, dst, symlinks=True)


def snapshot(root):
    """Every file and folder below root but .git and .nw: path -> bytes."""
    snap = {}
    for dirpath, dirs, files in os.walk(root):
        rel = os.path.relpath(dirpath, root)
        rel = '' if rel == '.' else rel + '/'
        if not rel:
            dirs[:] = [d for d in dirs if d not in ('.git', '.nw')]
        for d in dirs:
            snap[rel + d + '/'] = b''
        for f in files:
            p = os.path.join(dirpath, f)
            if os.path.islink(p):
                snap[rel + f] = b'-> ' + os.fsencode(os.readlink(p))
            else:
                with open(p, 'rb') as fp:
                    snap[rel + f] = fp.read()
    return snap


def parses(text):
    """Is text a YAML mapping?  Said of a torn file."""
    try:
        import yaml
        if isinstance(yaml.safe_load(text), dict):
            return ', a YAML mapping'
        return ', not a YAML mapping'
    except ImportError:
        return ''
    except yaml.YAMLError as e:
        return ', no YAML: %s' % str(e).replace('\n', ' ')


def checked(s, dst, when):
    """Every contact of dst passes nw-check, else bail out."""
    c = run(['nw-check', '-q', '-C', dst])
    if c.returncode != 0 or c.stdout or c.stderr:
        bail('%s: nw-check %s the command: %s' % (s.title(), when, (
            c.stdout + c.stderr).decode(errors='replace').strip()))


def calls(trace):
    """The system calls of a trace, in order: (name, occurrence, line)."""
    seen, out = {}, []
    with open(trace, errors='replace') as fp:
        for line in fp:
            m = re.match(r'([a-z_][a-z0-9_]*)\(', line)
            if m:
                name = m.group(1)
                seen[name] = seen.get(name, 0) + 1
                out.append((name, seen[name], line))
    return out


def wait_eof(fd, timeout):
    """Wait until no process holds the other end of the pipe fd."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if select.select([fd], [], [], end - time.monotonic())[0]:
            if os.read(fd, 4096) == b'':
                return True
    return False


class Scenario:
    def __init__(self, name, git, template, argv, again=None, fold=None):
        self.name = name
        self.git = git
        self.template = template
        self.argv = argv        # run in the network copy; None: git merge
        self.again = again      # a file there: run argv again to finish
        self.fold = fold        # (old, keep): nw-mv -m's, checked more
        self.counts = dict.fromkeys(KINDS, 0)
        self.trials = self.missed = self.tmpleft = 0
        self.notes = []

    def title(self):
        return '%s (%s)' % (self.name, 'git' if self.git else 'no git')


class Trial:
    def __init__(self, work):
        self.work = work
        self.dst = os.path.join(work, 'net')
        self.status = os.path.join(work, 'driver-status')

    def execute(self, s, inject=None, trace=None):
        """Run s's command on a fresh copy; True if strace killed it.
        self.rc: its exit status; self.alone: no process it started runs."""
        copy(s.template, self.dst)
        st = ['strace', '-o', trace or '/dev/null']
        if inject:
            st += ['-e', 'inject=%s:signal=KILL:when=%d' % inject]
        if s.argv is None:
            drv = '%s nw-merge %%O %%A %%B; s=$?; echo $s >%s; exit $s' % (
                ' '.join(shlex.quote(a) for a in st),
                shlex.quote(self.status))
            argv = ['git', '-c', 'merge.nw.driver=' + drv, 'merge', '-q',
                    '--no-edit', '@{upstream}']
        elif s.argv[0] == 'nw-merge':
            argv = st + s.argv
        else:
            argv = st + s.argv[:1] + ['-C', self.dst] + s.argv[1:]
        r, w = os.pipe()
        with open(os.path.join(self.work, 'out'), 'wb') as out:
            p = subprocess.Popen(argv, cwd=self.dst, stdin=subprocess.DEVNULL,
                                 stdout=out, stderr=out, pass_fds=(w,))
            os.close(w)
            try:
                p.wait(timeout=120)
                self.alone = wait_eof(r, 60)
            finally:
                os.close(r)
        self.rc = p.returncode
        if s.argv is None:
            with open(self.status) as fp:
                return fp.read().strip() == str(128 + 9)
        return p.returncode == -9

    def output(self):
        with open(os.path.join(self.work, 'out'), errors='replace') as fp:
            return fp.read().strip()


def problems(s, t, before, after):
    """What a kill left wrong in t.dst: a list of (kind, text)."""
    dst = t.dst
    found = []
    if not t.alone:
        found.append(('stale locks', 'a process it started still runs '
                      'after 60 s'))
    created = [p for p in after if p not in before]
    snap = snapshot(dst)
    for p, b in sorted(snap.items()):
        if p not in before and p not in after:
            found.append(('strays', "new file '%s'" % p))
        elif b != before.get(p) and b != after.get(p):
            found.append(('torn', "'%s' is neither its old nor its new "
                          "version (%d bytes%s)" % (p, len(b), parses(b))))
    for p in sorted(before):
        if p not in snap and p in after:
            found.append(('torn', "'%s' is gone" % p))
    if s.git:
        g = run(['git', 'status', '--porcelain', '--untracked-files=all'],
                cwd=dst)
        gone = []
        for line in g.stdout.decode(errors='replace').splitlines():
            if line.startswith('?? ') and line[3:] not in created:
                found.append(('strays', "git status: '%s'" % line))
            if ('D' in line[:2] and line[3:].endswith('.yaml') and
                    not os.path.basename(line[3:]).startswith('.')):
                gone.append(line[3:])
        # a removal left uncommitted is one no later command commits:
        # nw-check says it
        said = run(['nw-check', '-C', dst]).stdout.decode(
            errors='replace') if gone else ''
        for p in gone:
            if ('%s: warning: removed and not committed' %
                    os.path.join(dst, p)) not in said:
                found.append(('unfinished', "'%s' removed, not committed, "
                              "and nw-check does not say so" % p))
        for dirpath, _, files in os.walk(os.path.join(dst, '.git')):
            for f in files:
                if f.endswith('.lock'):
                    found.append(('stale locks', "'%s' left" % os.path.relpath(
                        os.path.join(dirpath, f), dst)))
    lock = os.path.join(dst, '.nw', 'lock')
    if os.path.exists(lock):
        fd = os.open(lock, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            found.append(('stale locks', '.nw/lock is held'))
        finally:
            os.close(fd)
    if s.again:
        found += finish(s, dst, after)
    found += next_command(s, dst, before, after)
    return found


def finish(s, dst, after):
    """A command cut short is finished by running it again (nw-mv)."""
    found = []
    # killed anywhere, nothing names a contact that is not there: nw-check
    # says at most that a rename or a fold was cut short, and how to
    # finish it
    c = run(['nw-check', '-q', '-C', dst])
    for line in (c.stdout + c.stderr).decode(errors='replace').splitlines():
        if ('a rename (nw-mv) cut short: run that nw-mv again' not in line
                and 'a fold (nw-mv -m) cut short: run nw-mv -m' not in line):
            found.append(('unfinished', 'before again: nw-check: ' + line))
    if os.path.exists(os.path.join(dst, s.again)):
        p = run(s.argv[:1] + ['-C', dst] + s.argv[1:], cwd=dst)
        if p.returncode != 0:
            found.append(('unfinished', 'again: exit %d: %s' % (
                p.returncode, p.stderr.decode(errors='replace').strip())))
        elif s.fold and s.git:
            g = run(['git', 'status', '--porcelain'], cwd=dst)
            if g.stdout:
                found.append(('unfinished', 'again: not committed: ' +
                              g.stdout.decode(errors='replace').strip()
                              .replace('\n', ' | ')))
    if s.fold:
        found += folded(s, dst)
    # files only: a folder left empty is nothing to git or a scan
    got = {p: b for p, b in snapshot(dst).items() if not p.endswith('/')}
    want = {p: b for p, b in after.items() if not p.endswith('/')}
    for p in sorted(set(got) | set(want)):
        if got.get(p) != want.get(p):
            found.append(('unfinished', "'%s' is not as after the clean "
                          "run%s" % (p, '' if p in got else ' (gone)')))
    return found


def folded(s, dst):
    """After a fold and its rerun: every entry of both logs in keep's,
    once; every contact a YAML mapping; nothing names old."""
    try:
        import yaml
    except ImportError:
        return []
    old, keep = s.fold
    found = []

    def load(path):
        with open(path, 'rb') as fp:
            return yaml.safe_load(fp.read().decode('utf-8-sig'))

    def entries(data):
        return [(str(e.get('date')), e.get('kind'), e.get('note'))
                for e in (data or {}).get('log') or [] if isinstance(e, dict)]

    data = {}
    for p, b in snapshot(dst).items():
        if not p.endswith('.yaml') or os.path.basename(p).startswith('.'):
            continue
        try:
            d = yaml.safe_load(b.decode('utf-8-sig'))
        except yaml.YAMLError as e:
            d = str(e).replace('\n', ' ')
        if not isinstance(d, dict):
            found.append(('unfinished', "'%s' is no YAML mapping: %s" % (
                p, d)))
        else:
            data[p[:-5]] = d
    if old in data:
        found.append(('unfinished', "'%s' is still there" % old))
    got = entries(data.get(keep))
    for e in sorted(set(entries(load(os.path.join(s.template, old + '.yaml')))
                        + entries(load(os.path.join(s.template,
                                                    keep + '.yaml'))))):
        if e not in got:
            found.append(('unfinished', 'entry lost: %s' % (e,)))
    for e in sorted(set(e for e in got if got.count(e) > 1)):
        found.append(('unfinished', 'entry twice in %s: %s' % (keep, e)))
    for i, d in sorted(data.items()):
        met = d.get('met') if isinstance(d.get('met'), dict) else {}
        rel = d.get('rel') if isinstance(d.get('rel'), dict) else {}
        named = [met.get('via')] + list(d.get('groups') or [])
        for v in rel.values():
            named += v if isinstance(v, list) else [v]
        if old in named:
            found.append(('unfinished', '%s still names %s' % (i, old)))
    return found


def next_command(s, dst, before, after):
    """The next command works and, with git, commits what it touched."""
    found = []
    if s.argv is None:
        # the user tries the merge that the killed driver left undone again
        if os.path.exists(os.path.join(dst, '.git', 'MERGE_HEAD')):
            run(['git', 'merge', '--abort'], cwd=dst)
        g = run(['git', 'merge', '-q', '--no-edit', '@{upstream}'], cwd=dst)
        if g.returncode != 0:
            found.append(('blocked', 'git merge again: exit %d: %s' % (
                g.returncode, g.stderr.decode(errors='replace').strip())))
    ids = [p[:-5] for p in sorted(after) if p.endswith('.yaml') and
           not os.path.basename(p).startswith('.') and
           after[p] != before.get(p) and os.path.exists(os.path.join(dst, p))]
    ids = ids or ['ada-lovelace']
    try:
        n = run(['nw-log', '-C', dst, '-k', 'note', '-m', 'after'] + ids,
                timeout=10)
    except subprocess.TimeoutExpired:
        return found + [('stale locks', 'the next nw-log blocks (10 s)')]
    if n.returncode != 0 or n.stderr:
        found.append(('blocked', 'the next nw-log: exit %d: %s' % (
            n.returncode, n.stderr.decode(errors='replace').strip())))
    if s.git:
        g = run(['git', 'status', '--porcelain', '--'] +
                [i + '.yaml' for i in ids], cwd=dst)
        if g.stdout:
            found.append(('blocked', 'not committed after the next nw-log: '
                          + g.stdout.decode(errors='replace').strip()
                          .replace('\n', ' | ')))
    return found


def slim(path):
    """No hook samples in .git: less to copy for each trial."""
    hooks = os.path.join(path, '.git', 'hooks')
    for f in os.listdir(hooks):
        if f.endswith('.sample'):
            os.unlink(os.path.join(hooks, f))


def fold_fixture(path):
    """A second card of ada-lovelace's, ada-king, and two that name it."""
    shutil.copy(os.path.join(FOLD, 'ada-king.yaml'), path)
    for f, a, b in (
            ('omar-haddad.yaml', b'where: Sunday five-a-side}',
             b'where: Sunday five-a-side, via: ada-king}'),
            ('tom-okafor.yaml', b'rel: {mentor: charles-babbage}',
             b'rel: {mentor: charles-babbage, friend: ada-king}')):
        with open(os.path.join(path, f), 'rb') as fp:
            text = fp.read()
        if a not in text:
            bail('%s: no %r to change' % (f, a))
        with open(os.path.join(path, f), 'wb') as fp:
            fp.write(text.replace(a, b))


def scenarios(work, git_ok):
    """The scenarios, their templates made in work."""
    def net(name, git, extra=None):
        path = os.path.join(work, name)
        must(['nw-init'] + (['-g'] if git else []) + [path])
        shutil.copytree(FIXTURES, path, dirs_exist_ok=True)
        if extra:
            extra(path)
        if git:
            slim(path)
            must(['git', 'add', '-A'], cwd=path)
            must(['git', 'commit', '-q', '-m', 'Contacts'], cwd=path)
        return path

    cmds = [
        ('nw-log -k call -m note ID', ['nw-log', '-k', 'call', '-m', 'note',
                                       'ada']),
        ("nw-log -n 2w -N 'next note' ID (CRLF)",
         ['nw-log', '-k', 'call', '-m', 'note', '-n', '2w', '-N',
          'next note', 'sofia']),
        ("nw-set ID org 'New Org' (BOM)",
         ['nw-set', 'omar', 'org', 'New Org']),
        ('nw-set -d ID tags (subfolder)',
         ['nw-set', '-d', 'work/grace-hopper', 'tags']),
        ("nw-add -t x 'New Person'", ['nw-add', '-t', 'x', 'New Person']),
        ('nw-import -u cards.vcf', ['nw-import', '-u', CARDS]),
        ('nw-import batch.vcf (new cards at once)', ['nw-import', BATCH]),
        ('nw-mail -m ME mail (three contacts, one commit)',
         ['nw-mail', '-m', 'me@home.example', MAIL]),
        ('nw-rm -f ID', ['nw-rm', '-f', 'tom-okafor']),
        ('nw-mv ID NEW (a via and a rel follow; again finishes)',
         ['nw-mv', 'charles-babbage', 'people/charles'],
         'charles-babbage.yaml'),
    ]
    # a fold: what names old follows, what old says of keep goes, keep's
    # org stays; again finishes
    fold = ('nw-mv -m -f keep OLD KEEP (a fold; again finishes)',
            ['nw-mv', '-m', '-f', 'keep', 'ada-king', 'ada-lovelace'],
            'ada-king.yaml', ('ada-king', 'ada-lovelace'))
    out = []
    plain = net('template', False)
    for name, argv, *again in cmds:
        out.append(Scenario(name, False, plain, argv, *again))
    name, argv, again, ids = fold
    out.append(Scenario(name, False, net('template-fold', False,
                                         fold_fixture), argv, again, ids))
    out.append(Scenario('nw-merge BASE OURS THEIRS (files)', False,
                        merge_files(work, plain),
                        ['nw-merge', '.merge_file_O', '.merge_file_A',
                         '.merge_file_B']))
    if git_ok:
        withgit = net('template-git', True)
        for name, argv, *again in cmds:
            out.append(Scenario(name, True, withgit, argv, *again))
        name, argv, again, ids = fold
        out.append(Scenario(name, True, net('template-fold-git', True,
                                            fold_fixture), argv, again, ids))
        out.append(Scenario('nw-merge as the driver of git merge', True,
                            git_merge(work, net), None))
    else:
        for name, argv, *_ in cmds + [fold[:2], (
                'nw-merge as the driver of git merge', None)]:
            out.append(Scenario(name, True, None, argv))
    return out


def sides(a, b):
    """Both sides of a merge: a log entry each, and a new org on one."""
    must(['nw-log', '-C', a, '-k', 'call', '-m', 'From the laptop', 'ada'],
         env=on_day('2026-11-18'))
    must(['nw-set', '-C', a, 'ada', 'org', 'Engines Anew'])
    must(['nw-log', '-C', b, '-k', 'email', '-m', 'From the desktop', 'ada'],
         env=on_day('2026-11-20'))


def merge_files(work, plain):
    """A network copy holding the three files git hands nw-merge."""
    path = os.path.join(work, 'template-merge')
    theirs = os.path.join(work, 'theirs')
    copy(plain, path)
    copy(plain, theirs)
    sides(theirs, path)
    ada = os.path.join(path, 'ada-lovelace.yaml')
    os.rename(ada, os.path.join(path, '.merge_file_A'))
    shutil.copy(os.path.join(plain, 'ada-lovelace.yaml'),
                os.path.join(path, '.merge_file_O'))
    shutil.copy(os.path.join(theirs, 'ada-lovelace.yaml'),
                os.path.join(path, '.merge_file_B'))
    shutil.copy(os.path.join(plain, 'ada-lovelace.yaml'), ada)
    shutil.rmtree(theirs)
    return path


def git_merge(work, net):
    """Two clones, each with a change of ada; the second has fetched."""
    a = net('laptop', True)
    b = os.path.join(work, 'desktop')
    must(['git', 'clone', '-q', a, b])
    slim(b)
    must(['nw-init', '-g', b])
    sides(a, b)
    must(['git', 'fetch', '-q'], cwd=b)
    return b


def prepare(s, t, trace):
    """The clean run: the trace, the files before and after it."""
    before = snapshot(s.template)
    checked(s, s.template, 'before')
    if (t.execute(s, trace=trace) or t.rc != 0 or not t.alone or
            'Sanitizer' in t.output() or 'runtime error:' in t.output()):
        bail('%s: the clean run fails (exit %s): %s' % (
            s.title(), t.rc, t.output()))
    after = snapshot(t.dst)
    checked(s, t.dst, 'after')
    if after == before:
        bail('%s: the clean run changes nothing' % s.title())
    return before, after


def pick(all_calls, full, stride, first):
    """The calls to kill at: all, or a sample of the write path."""
    if full:
        return list(enumerate(all_calls))
    # the write path proper: from the opening of the network's lock (or
    # of the files of the merge) on
    start = next(i for i, c in enumerate(all_calls)
                 if '.nw/lock"' in c[2] or '.merge_file_' in c[2])
    return [(i, c) for i, c in enumerate(all_calls) if i >= start and
            (first or c[0] in KEY_CALLS or
             (stride and (i - start) % stride == stride - 1))]


def trial(job):
    """One kill, in a folder of this process: (killed, tmp left, problems)."""
    s, before, after, work, call = job
    t = Trial(os.path.join(work, 'job%d' % os.getpid()))
    os.makedirs(t.work, exist_ok=True)
    killed = t.execute(s, inject=call)
    tmp = os.path.join(t.dst, '.nw', 'tmp')
    left = os.path.isdir(tmp) and len(os.listdir(tmp)) > 0
    try:
        return killed, left, problems(s, t, before, after)
    except subprocess.TimeoutExpired as e:
        return killed, left, [('stale locks', '%s blocks (%d s)' % (
            ' '.join(e.cmd), e.timeout))]


def trial_run(s, work, pool, full, stride, first):
    t = Trial(work)
    trace = os.path.join(work, 'trace')
    before, after = prepare(s, t, trace)
    # the first execve is strace's start of the command: no kill there
    all_calls = calls(trace)
    if all_calls[0][0] != 'execve':
        bail('%s: the trace does not begin with execve' % s.title())
    all_calls = all_calls[1:]
    picked = pick(all_calls, full, stride, first)
    jobs = [(s, before, after, work, c[:2]) for _, c in picked]
    for (i, (name, n, _)), (killed, left, found) in zip(
            picked, pool.map(trial, jobs) if pool else map(trial, jobs)):
        s.trials += 1
        s.tmpleft += left
        if not killed:
            s.missed += 1
            s.notes.append(('not killed', '%s #%d' % (name, n)))
        for kind in set(k for k, _ in found):
            s.counts[kind] += 1
        for kind, text in found:
            s.notes.append((kind, '%s #%d (call %d of %d): %s' % (
                name, n, i + 2, len(all_calls) + 1, text)))
    return len(all_calls)


def report(tap, s, ncalls):
    counts = ', '.join('%s %d' % (k, s.counts[k]) for k in KINDS)
    bad = any(s.counts.values())
    extra = ''
    if s.missed:
        extra += ', not killed %d' % s.missed
    print('%s %d - %s: %d calls, trials %d, %s%s' % (
        'not ok' if bad else 'ok', tap, s.title(), ncalls, s.trials,
        counts, extra))
    if s.tmpleft:
        print('# %d trials left a file in .nw/tmp' % s.tmpleft)
    for k in KINDS + ('not killed',):
        notes = [n for kind, n in s.notes if kind == k]
        for n in notes[:SHOW]:
            print('#   %s: %s' % (k, n))
        if len(notes) > SHOW:
            print('#   %s: ... and %d more' % (k, len(notes) - SHOW))
    sys.stdout.flush()
    return not bad


def tmp_cleanup(work, plain, tap):
    """A file a killed writer left in .nw/tmp goes once it is stale."""
    t = Trial(work)
    s = Scenario('nw-log', False, plain, ['nw-log', '-k', 'call', 'ada'])
    t.execute(s, inject=('rename', 1))
    tmp = os.path.join(t.dst, '.nw', 'tmp')
    left = os.listdir(tmp) if os.path.isdir(tmp) else []
    ok = [len(left) == 1 and left[0].startswith('.nw-')]
    print('%s %d - tmp: a kill before the rename leaves one file in .nw/tmp'
          ' (%s)' % ('ok' if ok[-1] else 'not ok', tap, ' '.join(left)))
    n = run(['nw-log', '-C', t.dst, '-k', 'note', 'tom'])
    ok.append(n.returncode == 0 and os.listdir(tmp) == left)
    print('%s %d - tmp: the next write keeps it while it is young' % (
        'ok' if ok[-1] else 'not ok', tap + 1))
    old = time.time() - 600
    for f in left:
        os.utime(os.path.join(tmp, f), (old, old))
    n = run(['nw-log', '-C', t.dst, '-k', 'note', 'tom'])
    ok.append(n.returncode == 0 and os.listdir(tmp) == [])
    print('%s %d - tmp: a write removes it once 10 minutes old (%s)' % (
        'ok' if ok[-1] else 'not ok', tap + 2, ' '.join(os.listdir(tmp))))
    return all(ok)


def main():
    import getopt
    opts, args = getopt.getopt(sys.argv[1:], 'fj:k:s:')
    full, jobs, stride, match = False, 1, 0, ''
    for o, v in opts:
        if o == '-f':
            full = True
        elif o == '-j':
            jobs = int(v)
        elif o == '-k':
            stride = int(v)
        elif o == '-s':
            match = v
    if len(args) != 1:
        sys.exit('usage: crash.py [-f] [-j jobs] [-k stride] [-s match] '
                 'workdir')
    work = args[0]
    git_ok = shutil.which('git') is not None
    all_s = [s for s in scenarios(work, git_ok) if match in s.title()]
    print('1..%d' % (len(all_s) + 3))
    good = tmp_cleanup(work, os.path.join(work, 'template'), 1)
    pool = multiprocessing.Pool(jobs) if jobs > 1 else None
    tap = 4
    for i, s in enumerate(all_s):
        if s.template is None:
            print('ok %d - %s # SKIP git is not installed' % (tap, s.title()))
        else:
            good &= report(tap, s, trial_run(s, work, pool, full, stride,
                                             i == 0))
        tap += 1
    if pool:
        pool.close()
    total = sum(s.trials for s in all_s)
    print('# crash trials: %d, %s' % (total, ', '.join(
        '%s %d' % (k, sum(s.counts[k] for s in all_s)) for k in KINDS)))
    return 0 if good else 1


if __name__ == '__main__':
    sys.exit(main())
