import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { createPost } from '../../api/community.js';
import { useCommunitySettings, useGroup } from '../../api/community-queries.js';
import { ruleLines } from '../../community/labels.js';
import { PostForm } from '../../community/PostForm.js';
import { Alert, ButtonLink, Loading, PageHeader } from '../../design/index.js';
import { openWrittenPost } from './post-written.js';

/** Writing a new post in a group. */
export function ComposePage() {
  const { slug = '' } = useParams();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const group = useGroup(slug);
  const settings = useCommunitySettings();

  if (group.isPending || settings.isPending) return <Loading />;
  if (group.isError || settings.isError) {
    return (
      <Alert title="We could not open the composer.">
        <p>{(group.error ?? settings.error)?.message}</p>
      </Alert>
    );
  }
  const { group: current } = group.data;
  const member = current.membership?.status === 'active' && !current.archived;

  return (
    <div className="compose">
      <PageHeader
        eyebrow={
          <>
            In <Link to={`/groups/${current.slug}`}>{current.name}</Link>
          </>
        }
        title="Write a post"
        lead={<p>Share what is on your mind, at your own pace. People here have been there too.</p>}
      />
      {member ? (
        <>
          <details className="compose__rules">
            <summary>The group’s rules</summary>
            <ol>
              {ruleLines(current.rules).map((rule) => (
                <li key={rule}>{rule}</li>
              ))}
            </ol>
          </details>
          <PostForm
            initial={{
              title: '',
              body: '',
              anonymous: settings.data.anonymousByDefault,
              contentWarning: '',
              contentWarningTopics: [],
              mood: '',
            }}
            anonymity
            submitLabel="Share post"
            busyLabel="Sharing…"
            onSubmit={async (input) => openWrittenPost(queryClient, navigate, await createPost(current.slug, input))}
          />
        </>
      ) : (
        <div className="stack">
          <p>Join {current.name} to write here. Joining means accepting the group’s rules.</p>
          <ButtonLink to={`/groups/${current.slug}`}>See the group and its rules</ButtonLink>
        </div>
      )}
    </div>
  );
}
