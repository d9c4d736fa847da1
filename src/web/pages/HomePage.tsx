import { Link } from 'react-router';
import { useHelp, useMe } from '../api/queries.js';
import { Card, HelpNowLink, PageHeader } from '../design/index.js';
import { countryInSentence } from '../help/country-name.js';
import { telHref } from '../help/phone.js';

const SETTINGS = [
  { to: '/settings/profile', title: 'Profile', text: 'Pronouns, a short bio, your country and time zone.' },
  { to: '/settings/password', title: 'Password', text: 'Change it, and sign out every other device at once.' },
  {
    to: '/settings/sessions',
    title: 'Where you are signed in',
    text: 'See your devices and sign out the ones you do not use.',
  },
  { to: '/settings/recovery-codes', title: 'Recovery codes', text: 'Your way back in if you forget your password.' },
];

/** Home for a signed-in member: what is here today, said plainly. */
export function HomePage() {
  const { data: me } = useMe();
  const help = useHelp(undefined);
  const directory = help.data?.country;
  if (!me) return null;

  return (
    <div className="home">
      <PageHeader
        eyebrow={`Signed in as ${me.handle}`}
        title="Your account"
        lead={
          <p>
            Hearth is just getting started here: support groups and conversations are on their way. For now, you can set
            up your profile and keep your account safe.
          </p>
        }
      />

      <section aria-labelledby="home-settings">
        <h2 id="home-settings">Your settings</h2>
        <ul className="link-cards">
          {SETTINGS.map((item) => (
            <li key={item.to}>
              <Link to={item.to} className="link-card">
                <span className="link-card__title">{item.title}</span>
                <span className="link-card__text">{item.text}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <Card tone="urgent" className="home__help" aria-labelledby="home-help">
        <h2 id="home-help">If you are in danger now</h2>
        <p>
          Hearth is not an emergency service.{' '}
          {directory ? (
            <>
              In {countryInSentence(directory.countryName)}, call{' '}
              <a className="home__emergency" href={telHref(directory.emergencyNumber)}>
                {directory.emergencyNumber}
              </a>
              .
            </>
          ) : (
            'Call your local emergency number.'
          )}{' '}
          For crisis lines you can call or text tonight:
        </p>
        <HelpNowLink />
      </Card>
    </div>
  );
}
