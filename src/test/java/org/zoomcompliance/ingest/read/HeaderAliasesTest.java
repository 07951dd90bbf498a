package org.zoomcompliance.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderAliasesTest {

    private static final HeaderAliases ALIASES = HeaderAliases.load();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            \ufeffName (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest    | PARTICIPANTS           | en | legacy
            Name (original name),Email,Join time,Leave time,Duration (minutes),Guest               | PARTICIPANTS           | en | 2024
            NAME (ORIGINAL NAME),EMAIL,JOIN TIME,LEAVE TIME                                       | PARTICIPANTS           | en | 2024
            Nome (nome originale),E-mail utente,Ora di ingresso,Ora di uscita,Durata (minuti)      | PARTICIPANTS           | it |
            Nom (nom d'origine),Adresse e-mail,Heure d'arrivée,Heure de départ,Durée (minutes)     | PARTICIPANTS           | fr |
            Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants,       | PARTICIPANTS_MEETING   | en | legacy
            Topic,ID,Start Time,File Size (MB),File Count,Total Views,Total Downloads,Last Accessed,| RECORDINGS             | en |
            Meeting ID,Host,Email,User Type,Start Time,End Time,Duration (hh:mm:ss),Participants   | DASHBOARD_MEETING      | en | old
            user_name,ip_address,location,data_center,join_time,leave_time                         | DASHBOARD_PARTICIPANTS | en | current
            Time,User,Type,IP Address,Client Type,Version                                          | SIGN_IN                | en |
            Time,Operator,Category Type,Action,Operation Detail                                    | OPERATION_LOG          | en |
            Email,First Name,Last Name,User Type,Department,User Group,Last Login Time             | USERS                  | en |
            email,user_name,type,dept,meetings,participants,meeting_minutes                        | HOST_ACTIVITY          | en |
            名前 (元の名前),ユーザーメール,参加時刻,退出時刻,所要時間（分）                        | PARTICIPANTS           | ja |
            名称（原始名称）,用户邮箱,加入时间,离开时间,持续时间（分钟）                          | PARTICIPANTS           | zh |
            이름(원래 이름),사용자 이메일,참가 시간,나간 시간,기간(분),게스트                     | PARTICIPANTS           | ko |
            Nom (nom d’origine),E-mail de l’utilisateur,Heure d’arrivée,Heure de départ           | PARTICIPANTS           | fr |
            Email,First Name,Last Name,Department,User Group,IM Group,Last Login(UTC),Last Client Version,Creation Date,Role,User Type,Login Type,User Status,PMI | USERS | en | 2020
            Topic,Meeting ID,User Name,User Email,Department,Group,Has Zoom Rooms?,Creation Time,Start Time,End Time,Duration (Minutes),Total Participant Minutes,Participants,Source | USAGE_MEETINGS | en | legacy
            Argomento,Digita,ID,Nome organizzatore,E-mail organizzatore,Ora di inizio,Ora di fine,Partecipanti,Nome (nome originale),E-mail,Ora di ingresso,Ora di uscita,Durata (minuti),Guest,Risposta di esclusione di responsabilità per la registrazione,In sala d’attesa | MEETING_DETAILS | it | 2024
            """)
    void recognisesABlockByItsHeaderNamesInAnyCaseAndLanguage(String header, BlockType type, String language,
            String layout) {
        // given
        List<String> names = new ArrayList<>();
        CsvRecords.split(header, names);

        // when
        BlockHeader matched = ALIASES.match(names);

        // then
        assertThat(matched.type()).isEqualTo(type);
        assertThat(matched.language()).isEqualTo(language);
        assertThat(matched.layout()).isEqualTo(layout);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Topic,Meeting ID,User Name,User Email,Start Time,End Time,Duration (Minutes),Participants,Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes) | 3 | 9
            """)
    void resolvesDuplicateHeadersOfDetailsFilesByTheirSideOfTheParticipantBlock(String header, int hostEmail,
            int participantEmail) {
        // given
        List<String> names = new ArrayList<>();
        CsvRecords.split(header, names);

        // when
        BlockHeader matched = ALIASES.match(names);

        // then
        assertThat(matched.type()).isEqualTo(BlockType.MEETING_DETAILS);
        assertThat(matched.column("host_email")).isEqualTo(hostEmail);
        assertThat(matched.column("email")).isEqualTo(participantEmail);
        assertThat(matched.column("meeting_duration")).isEqualTo(6);
        assertThat(matched.column("duration_minutes")).isEqualTo(12);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            In sala d’attesa                   | in sala d'attesa
            \ufeff\ufeffMeeting ID               | meeting id
            所要時間（分）                       | 所要時間 (分)
            Last Login(UTC)                    | last login (utc)
            Name ( Original  Name )            | name (original name)
            """)
    void comparesNamesWithTypographicCharactersAndBracketsReadAsPlainOnes(String name, String compared) {
        assertThat(HeaderAliases.normalise(name)).isEqualTo(compared);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Note,Author,Date
            Renew the licence,Admin,2024-02-20
            """)
    void matchesNothingForAFileThatIsNoZoomExport(String header) {
        // given
        List<String> names = new ArrayList<>();
        CsvRecords.split(header, names);

        // when / then
        assertThat(ALIASES.match(names)).isNull();
    }
}
