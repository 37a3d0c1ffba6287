import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { errorSentence } from '../api/error-sentence';
import { getOrganisationTree, setOrganisationParent, type TreeOrganisation } from '../api/organisation-tree-api';
import { SignedInHeader } from '../session/signed-in-header';
import { useSession } from '../session/session-context';
import { ancestorNames, buildOrganisationTree, type OrganisationBranch } from './organisation-tree';
import './admin.css';
import './organisations-page.css';

/** The value of the parent choice that means "no parent". */
const TOP = '';

/**
 * The admin's organisation tree (issue 16): every organisation under its parent, and setting or clearing
 * an organisation's parent. At /admin/organisations, under the console's path, so it opens in
 * maintenance too. Only organisations' names are shown: no accounts, no people.
 */
export function OrganisationsPage() {
  const { account } = useSession();
  useEffect(() => {
    const before = document.title;
    document.title = 'Organisations · Admin · Rosette';
    return () => {
      document.title = before;
    };
  }, []);
  return (
    <>
      <SignedInHeader title="Organisations" home="/" />
      <main id="main" tabIndex={-1} className="admin-page organisations-page">
        <h1>Organisations</h1>
        <nav aria-label="Admin pages" className="console-nav">
          <a href="/admin">Admin console</a>
          <a href="/admin/accounts">Accounts</a>
          <a href="/">Leaflets</a>
        </nav>
        {account.role === 'admin' ? <OrganisationTreeEditor /> : <p className="notice notice-error">Only admins can arrange the organisations.</p>}
      </main>
    </>
  );
}

function OrganisationTreeEditor() {
  const [tree, setTree] = useState<{ organisations: TreeOrganisation[]; maxDepth: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const reload = useCallback(() => {
    getOrganisationTree().then(
      (t) => (setTree(t), setProblem(null)),
      (err: unknown) => setProblem(errorSentence(err)),
    );
  }, []);
  useEffect(reload, [reload]);
  const branches = useMemo(() => (tree ? buildOrganisationTree(tree.organisations) : []), [tree]);
  if (!tree) {
    return problem ? (
      <p className="notice notice-error" role="alert">
        The organisations could not be loaded: {problem}
      </p>
    ) : (
      <p role="status">Loading the organisations…</p>
    );
  }
  const context: TreeContext = {
    organisations: tree.organisations,
    maxDepth: tree.maxDepth,
    editing,
    setEditing: (id) => (setEditing(id), setDone(null)),
    moved: (sentence) => (setEditing(null), setDone(sentence), reload()),
  };
  return (
    <>
      <p className="lead">
        Parties form a tree of at most {tree.maxDepth} levels: a national party, its regions, and the local parties below them. What an organisation publishes
        (templates, its brand kit) reaches every organisation below it.
      </p>
      <p role="status" className={done ? 'notice notice-ok' : 'visually-hidden'}>
        {done ?? ''}
      </p>
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
      <section aria-labelledby="organisation-tree-heading">
        <h2 id="organisation-tree-heading">
          The tree <span className="org-count">({tree.organisations.length} {tree.organisations.length === 1 ? 'organisation' : 'organisations'})</span>
        </h2>
        {branches.length === 0 ? <p>No organisations yet: they are made when an admin invites someone.</p> : <BranchList branches={branches} context={context} level={1} label="Organisation tree" />}
      </section>
    </>
  );
}

interface TreeContext {
  organisations: TreeOrganisation[];
  maxDepth: number;
  /** The organisation whose parent form is open. */
  editing: string | null;
  setEditing(id: string | null): void;
  moved(sentence: string): void;
}

function BranchList({ branches, context, level, label }: { branches: OrganisationBranch[]; context: TreeContext; level: number; label?: string }) {
  return (
    <ul className={level === 1 ? 'org-tree' : 'org-branch'} aria-label={label}>
      {branches.map((b) => (
        <Branch key={b.organisation.id} branch={b} context={context} level={level} />
      ))}
    </ul>
  );
}

function Branch({ branch, context, level }: { branch: OrganisationBranch; context: TreeContext; level: number }) {
  const { organisation, children } = branch;
  const parent = context.organisations.find((o) => o.id === organisation.parentId);
  const open = context.editing === organisation.id;
  return (
    <li className="org-item" data-organisation={organisation.name}>
      <div className="org-node">
        <span className="org-name">{organisation.name}</span>
        <span className="org-meta">
          {parent ? `under ${parent.name}` : 'top level'}
          {children.length > 0 ? ` · ${children.length} below` : ''}
        </span>
        <span className="org-actions">
          {/* The admin's view of the organisation's brand kit (a hash route of the home page, not under /admin). */}
          <a href={`/#/brand-kit/${organisation.id}`} aria-label={`Brand kit of ${organisation.name}`}>
            Brand kit
          </a>
          {open ? null : (
            <button type="button" className="button-quiet" aria-label={`Change parent of ${organisation.name}`} onClick={() => context.setEditing(organisation.id)}>
              Change parent
            </button>
          )}
        </span>
      </div>
      {open ? <ParentForm organisation={organisation} context={context} /> : null}
      {children.length > 0 ? <BranchList branches={children} context={context} level={level + 1} /> : null}
    </li>
  );
}

/** An organisation's name with the path above it, for the parent choice ("Western Region (under National Party)"). */
function optionLabel(organisations: TreeOrganisation[], o: TreeOrganisation): string {
  const above = ancestorNames(organisations, o.id);
  return above.length === 0 ? o.name : `${o.name} (under ${above.join(' › ')})`;
}

/** What a refused move means, in words, next to the choice that made it. */
function refusal(err: unknown, name: string, parentName: string, maxDepth: number): string {
  if (err instanceof ApiError && err.code === 'organisation_tree_cycle')
    return `${name} cannot go under ${parentName}: ${parentName} is below ${name} already, and an organisation cannot sit below itself. Move ${parentName} somewhere else first, or choose another parent.`;
  if (err instanceof ApiError && err.code === 'organisation_tree_too_deep')
    return `${name} cannot go under ${parentName}: with the organisations below ${name}, the tree would have more than ${maxDepth} levels. Choose a parent higher up the tree.`;
  if (err instanceof ApiError && err.code === 'unknown_organisation') return `${parentName} no longer exists. Reload the page to see the organisations as they are now.`;
  return `The parent could not be changed: ${errorSentence(err)}`;
}

function ParentForm({ organisation, context }: { organisation: TreeOrganisation; context: TreeContext }) {
  const [choice, setChoice] = useState(organisation.parentId ?? TOP);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selectId = useId();
  const problemId = useId();
  const others = useMemo(
    () => context.organisations.filter((o) => o.id !== organisation.id).sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' })),
    [context.organisations, organisation.id],
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parentId = choice === TOP ? null : choice;
    const parentName = others.find((o) => o.id === parentId)?.name ?? '';
    setBusy(true);
    setProblem(null);
    try {
      await setOrganisationParent(organisation.id, parentId);
      context.moved(parentId === null ? `${organisation.name} is now at the top of the tree.` : `${organisation.name} is now under ${parentName}.`);
    } catch (err) {
      setProblem(refusal(err, organisation.name, parentName, context.maxDepth));
      setBusy(false);
    }
  };
  return (
    <form className="org-parent-form" onSubmit={(e) => void submit(e)} aria-label={`Move ${organisation.name}`}>
      <div className="field">
        <label htmlFor={selectId}>Parent of {organisation.name}</label>
        <select
          id={selectId}
          value={choice}
          onChange={(e) => (setChoice(e.target.value), setProblem(null))}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? problemId : undefined}
        >
          <option value={TOP}>None: at the top of the tree</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {optionLabel(context.organisations, o)}
            </option>
          ))}
        </select>
      </div>
      <span className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {choice === TOP ? 'Put at the top' : 'Save the parent'}
        </button>
        <button type="button" className="button-quiet" onClick={() => context.setEditing(null)}>
          Cancel
        </button>
      </span>
      {problem ? (
        <p id={problemId} className="notice notice-error org-parent-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
