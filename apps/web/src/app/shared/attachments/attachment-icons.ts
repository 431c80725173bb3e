import attachFile from '@material-symbols/svg-400/outlined/attach_file.svg';
import deleteIcon from '@material-symbols/svg-400/outlined/delete.svg';
import description from '@material-symbols/svg-400/outlined/description.svg';
import download from '@material-symbols/svg-400/outlined/download.svg';
import error from '@material-symbols/svg-400/outlined/error.svg';
import upload from '@material-symbols/svg-400/outlined/upload.svg';

/** Icons of the attachments panel (registered by it: see registerIconSet). */
export const ATTACHMENT_ICONS: Readonly<Record<string, string>> = {
  attach_file: attachFile,
  delete: deleteIcon,
  description,
  download,
  error,
  upload,
};
