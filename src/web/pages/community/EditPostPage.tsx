import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { updatePost } from '../../api/community.js';
import { useThread } from '../../api/community-queries.js';
import { PostForm } from '../../community/PostForm.js';
import { Alert, Loading, PageHeader } from '../../design/index.js';
import { openWrittenPost } from './post-written.js';
import { loadedThread } from '../../community/thread-pages.js';

/** Editing one's own post. Others see "edited"; earlier versions are kept for the safety team. */
export function EditPostPage() {
  const { postId = '' } = useParams();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const thread = useThread(postId);

  if (thread.isPending) return <Loading />;
  if (thread.isError) {
    return (
      <Alert title="We could not open this post.">
        <p>{thread.error.message}</p>
      </Alert>
    );
  }
  const post = loadedThread(thread.data)?.post;
  if (!post) return <Loading />;
  const author = post.author;
  if (!author?.isYou || post.body === null) {
    return (
      <div className="narrow">
        <PageHeader
          title="This post cannot be edited"
          lead={<p>Only its author can edit a post that is still up.</p>}
        />
        <Link to={`/posts/${post.id}`}>Back to the thread</Link>
      </div>
    );
  }

  return (
    <div className="compose">
      <PageHeader
        eyebrow={
          <>
            In <Link to={`/groups/${post.group.slug}`}>{post.group.name}</Link>
          </>
        }
        title="Edit your post"
        lead={<p>Others will see that it was edited.</p>}
      />
      <PostForm
        initial={{
          title: post.title,
          body: post.body,
          anonymous: author.kind === 'anonymous',
          contentWarning: post.contentWarning ?? '',
          contentWarningTopics: post.contentWarningTopics,
          mood: post.mood ?? '',
        }}
        anonymity={false}
        submitLabel="Save changes"
        busyLabel="Saving…"
        onSubmit={async (input) => {
          const { anonymous: _unchanged, ...changes } = input;
          return openWrittenPost(queryClient, navigate, await updatePost(post.id, changes));
        }}
      />
    </div>
  );
}
