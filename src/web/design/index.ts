import './tokens.css';
import './base.css';
import './components.css';
import './layout.css';

export { Badge, VisuallyHidden } from './Badge.js';
export { Button, ButtonLink, buttonClass, type ButtonVariant } from './Button.js';
export { Card } from './Card.js';
export { BrandMark, HelpNowLink, Layout } from './Layout.js';
export { Alert, Notice, type NoticeTone } from './Notice.js';
export { PageHeader } from './PageHeader.js';
export { CheckboxField, PasswordField, SelectField, TextAreaField, TextField } from './TextField.js';
export { Loading } from './Loading.js';
