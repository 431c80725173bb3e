import download from '@material-symbols/svg-400/outlined/download.svg';
import uploadFile from '@material-symbols/svg-400/outlined/upload_file.svg';

/** Icons of the CSV export button and import dialog (registered by them: see registerIconSet). */
export const CSV_ICONS: Readonly<Record<string, string>> = { download, upload_file: uploadFile };
