import { Link } from 'react-router';
import { SignedOutOnly } from '../account/guards.js';
import { ButtonLink, Card, PageHeader } from '../design/index.js';
import { EmergencyPanel } from '../help/EmergencyPanel.js';

export function WelcomePage() {
  return (
    <SignedOutOnly>
      <div className="welcome">
        <div className="welcome__intro">
          <PageHeader
            eyebrow="Peer support"
            title="You do not have to go through this alone"
            documentTitle="Peer support from people who have been there"
            lead={
              <p>
                Hearth is a place to talk about what you are going through with people who have been there too, at your
                own pace, under a name you choose.
              </p>
            }
          />
          <div className="cluster">
            <ButtonLink to="/sign-up">Join Hearth</ButtonLink>
            <ButtonLink to="/sign-in" variant="secondary">
              Sign in
            </ButtonLink>
          </div>
        </div>

        <div className="welcome__panel">
          <EmergencyPanel />
        </div>

        <section className="welcome__section" aria-labelledby="what-hearth-is">
          <h2 id="what-hearth-is">What Hearth is</h2>
          <ul className="feature-list">
            <li>
              <Card as="div" className="feature">
                <h3>Peer support from people who have been there</h3>
                <p>Share what is on your mind and hear from others who know how it feels, and support them in turn.</p>
              </Card>
            </li>
            <li>
              <Card as="div" className="feature">
                <h3>Anonymous if you wish</h3>
                <p>Choose a handle. No real name and no email are needed to join, and you decide what you share.</p>
              </Card>
            </li>
            <li>
              <Card as="div" className="feature">
                <h3>Looked after by a safety team</h3>
                <p>
                  Moderators and a safety team keep the community kind, and are alerted when someone may be in danger,
                  so no one in crisis is left alone.
                </p>
              </Card>
            </li>
          </ul>
        </section>

        <section className="welcome__section" aria-labelledby="what-hearth-is-not">
          <h2 id="what-hearth-is-not">What Hearth is not</h2>
          <ul className="feature-list">
            <li>
              <Card as="div" tone="muted" className="feature">
                <h3>Not an emergency service</h3>
                <p>
                  No one on Hearth can send help to where you are. If you are in danger, call your emergency number or a
                  crisis line: <Link to="/help">get help now</Link>.
                </p>
              </Card>
            </li>
            <li>
              <Card as="div" tone="muted" className="feature">
                <h3>Not therapy</h3>
                <p>
                  Members are peers, not clinicians. Hearth can sit beside professional care, but it does not replace a
                  doctor, a therapist or a counsellor.
                </p>
              </Card>
            </li>
          </ul>
        </section>
      </div>
    </SignedOutOnly>
  );
}
