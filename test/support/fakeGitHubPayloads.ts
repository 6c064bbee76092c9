/** JSON bodies shaped like GitHub's REST responses, built from the fake's scenario data. */
import type { FakeFile, FakeIssue, FakeRepo } from './fakeGitHubScenario';

const LABEL_COLORS: Record<string, string> = { SEP: '5319e7', proposal: 'fbca04', draft: 'c5def5', 'in-review': '0e8a16', accepted: '1d76db', final: '000000' };

function user(base: string, login: string, id: number): Record<string, unknown> {
  return {
    login,
    id,
    node_id: `MDQ6VXNlcj${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    url: `${base}/users/${login}`,
    html_url: `https://github.com/${login}`,
    type: 'User',
    site_admin: false,
  };
}

function userId(login: string): number {
  let h = 7;
  for (const c of login) h = (h * 31 + c.charCodeAt(0)) % 99_999_989;
  return h + 1000;
}

/** `GET /repos/{o}/{r}` */
export function repoPayload(base: string, repo: FakeRepo): Record<string, unknown> {
  return {
    id: repo.id,
    name: repo.repo,
    full_name: `${repo.owner}/${repo.repo}`,
    private: false,
    html_url: `https://github.com/${repo.owner}/${repo.repo}`,
    url: `${base}/repos/${repo.owner}/${repo.repo}`,
    default_branch: 'main',
    open_issues_count: repo.issues.filter((i) => i.state === 'open').length,
  };
}

/** An element of `GET /repos/{o}/{r}/issues`, and `GET /repos/{o}/{r}/issues/{n}`. */
export function issuePayload(base: string, repo: FakeRepo, issue: FakeIssue): Record<string, unknown> {
  const api = `${base}/repos/${repo.owner}/${repo.repo}`;
  const web = `https://github.com/${repo.owner}/${repo.repo}`;
  const kind = issue.pull ? 'pull' : 'issues';
  const assignees = issue.assignees.map((a) => user(base, a, userId(a)));
  return {
    url: `${api}/issues/${issue.number}`,
    repository_url: api,
    labels_url: `${api}/issues/${issue.number}/labels{/name}`,
    comments_url: `${api}/issues/${issue.number}/comments`,
    html_url: `${web}/${kind}/${issue.number}`,
    id: 3_000_000_000 + issue.number,
    node_id: `I_kwDOM${issue.number}`,
    number: issue.number,
    title: issue.title,
    user: user(base, issue.user, userId(issue.user)),
    labels: issue.labels.map((name, i) => ({
      id: 7_000_000_000 + i,
      node_id: `LA_kwDOM${i}`,
      url: `${api}/labels/${encodeURIComponent(name)}`,
      name,
      color: LABEL_COLORS[name] ?? 'ededed',
      default: false,
      description: null,
    })),
    state: issue.state,
    locked: false,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    comments: issue.comments ?? 0,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.state === 'closed' ? issue.updatedAt : null,
    author_association: 'CONTRIBUTOR',
    active_lock_reason: null,
    ...(issue.pull
      ? {
          draft: false,
          pull_request: {
            url: `${api}/pulls/${issue.number}`,
            html_url: `${web}/pull/${issue.number}`,
            diff_url: `${web}/pull/${issue.number}.diff`,
            patch_url: `${web}/pull/${issue.number}.patch`,
            merged_at: null,
          },
        }
      : {}),
    body: issue.body,
    reactions: { url: `${api}/issues/${issue.number}/reactions`, total_count: 0, '+1': 0, '-1': 0 },
    timeline_url: `${api}/issues/${issue.number}/timeline`,
    performed_via_github_app: null,
    state_reason: null,
  };
}

/** `GET /repos/{o}/{r}/pulls/{n}` */
export function pullPayload(base: string, repo: FakeRepo, issue: FakeIssue): Record<string, unknown> {
  const pull = issue.pull!;
  return {
    url: `${base}/repos/${repo.owner}/${repo.repo}/pulls/${issue.number}`,
    id: 2_000_000_000 + issue.number,
    html_url: `https://github.com/${repo.owner}/${repo.repo}/pull/${issue.number}`,
    number: issue.number,
    state: issue.state,
    title: issue.title,
    user: user(base, issue.user, userId(issue.user)),
    body: issue.body,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    head: { label: `${issue.user}:${pull.headRef}`, ref: pull.headRef, sha: pull.headSha },
    base: { label: `${repo.owner}:main`, ref: 'main', sha: 'b0f60ba5'.padEnd(40, '0') },
    draft: false,
    changed_files: pull.files.length,
  };
}

/** An element of `GET /repos/{o}/{r}/pulls/{n}/files` */
export function filePayload(base: string, repo: FakeRepo, issue: FakeIssue, file: FakeFile): Record<string, unknown> {
  const sha = issue.pull!.headSha;
  const lines = file.content ? file.content.split('\n').length : 0;
  return {
    sha: sha.split('').reverse().join(''),
    filename: file.filename,
    status: file.status,
    additions: file.status === 'removed' ? 0 : lines,
    deletions: file.status === 'removed' ? 10 : 0,
    changes: lines,
    blob_url: `https://github.com/${repo.owner}/${repo.repo}/blob/${sha}/${file.filename}`,
    raw_url: `https://github.com/${repo.owner}/${repo.repo}/raw/${sha}/${file.filename}`,
    contents_url: `${base}/repos/${repo.owner}/${repo.repo}/contents/${file.filename}?ref=${sha}`,
    patch: file.content ? `@@ -0,0 +1,${lines} @@` : undefined,
  };
}
